namespace Safeguard.Core.Disclosures;

/// <summary>Clare's Law (the Domestic Violence Disclosure Scheme) or Sarah's Law (the Child Sex Offender Disclosure Scheme).</summary>
public enum Scheme
{
    Dvds,
    Csods,
}

/// <summary>A member of the public asks (Right to Ask), or the police decide to tell (Right to Know).</summary>
public enum Route
{
    RightToAsk,
    RightToKnow,
}

/// <summary>
/// One scheme and route as a setting: its name, whether it meets the applicant face to face, and its clocks.
/// Four rows ship (DVDS and CSODS, each by both routes); administrators change the clocks, not the rows.
/// </summary>
public sealed class DisclosureScheme
{
    public int Id { get; set; }
    public Scheme Scheme { get; set; }
    public Route Route { get; set; }

    /// <summary>Right to Know starts from police or partner information, so there is no applicant to meet.</summary>
    public bool MeetsApplicant { get; set; }

    public bool IsActive { get; set; } = true;
    public int Version { get; set; }
    public List<DisclosureClock> Clocks { get; set; } = [];

    public string Name => SchemeNames.Of(Scheme, Route);
}

public static class SchemeNames
{
    public static string Of(Scheme scheme) => scheme switch
    {
        Scheme.Dvds => "Clare's Law (DVDS)",
        Scheme.Csods => "Sarah's Law (CSODS)",
        _ => scheme.ToString(),
    };

    public static string Short(Scheme scheme) => scheme == Scheme.Dvds ? "DVDS" : "CSODS";

    public static string Of(Route route) => route == Route.RightToAsk ? "Right to Ask" : "Right to Know";

    public static string Of(Scheme scheme, Route route) => $"{Of(scheme)} {Of(route)}";
}
