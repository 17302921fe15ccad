namespace Safeguard.Core.ProtectionOrders;

/// <summary>
/// A police protection order against a perpetrator of domestic abuse: a notice (DVPN, now DAPN) a senior officer
/// issues at once, and the order (DVPO, now DAPO) a magistrates' court makes after it. The people are in the person
/// index, never copied here. An order issued in the 24 hours before a DRAMM list's release goes on that list.
/// </summary>
public sealed class ProtectionOrder
{
    public int Id { get; set; }
    public ProtectionOrderKind Kind { get; set; }
    public int AreaId { get; set; }

    /// <summary>When it was issued (a notice) or made (an order), UTC.</summary>
    public DateTime IssuedAt { get; set; }

    /// <summary>When it ends, UTC; none for a DAPO made without an end date.</summary>
    public DateTime? ExpiresAt { get; set; }

    public int VictimPersonId { get; set; }
    public int PerpetratorPersonId { get; set; }

    /// <summary>The premises the perpetrator is kept from, as the order words them.</summary>
    public string? ProtectedPremises { get; set; }

    public required string Terms { get; set; }

    /// <summary>Breaches known when recorded, or later: when, and what happened.</summary>
    public string? Breaches { get; set; }

    public DateTime RecordedAt { get; set; }
    public string? RecordedByUserId { get; set; }
    public int Version { get; set; }

    /// <summary>The reference shown to users: the record number, never a name.</summary>
    public string Reference => FormatReference(Id);

    public static string FormatReference(int id) => "PO" + id.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}

public enum ProtectionOrderKind
{
    /// <summary>Domestic violence protection notice (Crime and Security Act 2010): up to 48 hours.</summary>
    Dvpn,

    /// <summary>Domestic violence protection order: 14 to 28 days.</summary>
    Dvpo,

    /// <summary>Domestic abuse protection notice (Domestic Abuse Act 2021), replacing the DVPN.</summary>
    Dapn,

    /// <summary>Domestic abuse protection order, replacing the DVPO: may run without an end date.</summary>
    Dapo,
}

public static class ProtectionOrderNames
{
    public static string Of(ProtectionOrderKind kind) => kind switch
    {
        ProtectionOrderKind.Dvpn => "Domestic violence protection notice (DVPN)",
        ProtectionOrderKind.Dvpo => "Domestic violence protection order (DVPO)",
        ProtectionOrderKind.Dapn => "Domestic abuse protection notice (DAPN)",
        ProtectionOrderKind.Dapo => "Domestic abuse protection order (DAPO)",
        _ => kind.ToString(),
    };

    /// <summary>Only a DAPO may be made without an end date; every other kind ends.</summary>
    public static bool MayBeOpenEnded(ProtectionOrderKind kind) => kind == ProtectionOrderKind.Dapo;
}
