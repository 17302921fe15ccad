namespace Safeguard.Core.Organisation;

public static class AgencyKindNames
{
    public static string Display(AgencyKind kind) => kind switch
    {
        AgencyKind.Police => "Police",
        AgencyKind.ChildrensSocialCare => "Children's social care",
        AgencyKind.AdultSocialCare => "Adult social care",
        AgencyKind.IdvaService => "IDVA service",
        AgencyKind.Health => "Health",
        AgencyKind.Housing => "Housing",
        AgencyKind.Probation => "Probation",
        AgencyKind.SubstanceMisuse => "Substance misuse",
        AgencyKind.Education => "Education",
        AgencyKind.VoluntarySector => "Voluntary sector",
        _ => "Other",
    };
}
