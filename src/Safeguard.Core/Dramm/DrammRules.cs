using Safeguard.Core.People;

namespace Safeguard.Core.Dramm;

/// <summary>The agenda groups, in the order the meeting takes them (Kirklees protocol 2.20).</summary>
public enum AgendaGroup
{
    ClaresLaw,
    ChildrenPoliceHigh,
    ChildrenPoliceMedium,
    ChildrenThirdParty,
    ChildrenTransfer,
    NoChildrenPoliceHigh,
    NoChildrenPoliceMedium,
    NoChildrenThirdParty,
    NoChildrenTransfer,
    ProtectionOrders,
    MaracRepeats,
}

/// <summary>Whether a case goes on the day's list, the rule that put it there (or kept it off), and its agenda group.</summary>
public sealed record Eligibility(bool Eligible, string Reason, AgendaGroup? Group);

/// <summary>
/// The DRAMM's rules (Kirklees protocol, section 2) as one table: which cases are discussed and in what order.
/// A case goes by the first rule that takes it, so a high-risk incident that is also a MARAC repeat is discussed
/// with the high-risk incidents, and only a repeat no other rule takes waits for the end of the meeting.
/// </summary>
public static class DrammRules
{
    public static Eligibility Check(DrammCandidate c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var children = c.ChildrenLinked;
        switch (c.Source)
        {
            case CaseSource.ClaresLaw:
                return new(true, "Clare's Law application awaiting the forum's view", AgendaGroup.ClaresLaw);
            case CaseSource.ProtectionOrder:
                return new(true, "Protection order issued in the last 24 hours", AgendaGroup.ProtectionOrders);
            case CaseSource.MaracTransfer:
                return new(true, "MARAC transfer in from another area", children ? AgendaGroup.ChildrenTransfer : AgendaGroup.NoChildrenTransfer);
            case CaseSource.PoliceIncident when c.Risk == RiskLevel.High:
                return new(true, "High-risk police incident", children ? AgendaGroup.ChildrenPoliceHigh : AgendaGroup.NoChildrenPoliceHigh);
            case CaseSource.PoliceIncident when c.Risk == RiskLevel.Medium && children:
                return new(true, "Medium-risk police incident with children linked", AgendaGroup.ChildrenPoliceMedium);
            case CaseSource.PoliceIncident when c.Risk == RiskLevel.Medium && c.VictimConsented:
                return new(true, "Medium-risk police incident; the victim consented to sharing", AgendaGroup.NoChildrenPoliceMedium);
            case CaseSource.ThirdPartyReferral when c.Risk == RiskLevel.High:
                return new(true, "High-risk referral from a partner agency", children ? AgendaGroup.ChildrenThirdParty : AgendaGroup.NoChildrenThirdParty);
        }

        if (c.IsMaracRepeat)
        {
            return new(true, "MARAC repeat: a new incident within 12 months of a MARAC", AgendaGroup.MaracRepeats);
        }

        return new(false, NotEligibleReason(c), null);
    }

    /// <summary>
    /// Where a case sits when the co-ordinator adds one the rules left out: with its kind and children as if it had
    /// qualified (a medium-risk incident with the medium-risk incidents), and standard-risk cases with the repeats.
    /// </summary>
    public static AgendaGroup PlaceOf(DrammCandidate c) => Check(c).Group ?? c.Source switch
    {
        CaseSource.PoliceIncident when c.Risk == RiskLevel.Medium => c.ChildrenLinked ? AgendaGroup.ChildrenPoliceMedium : AgendaGroup.NoChildrenPoliceMedium,
        CaseSource.ThirdPartyReferral when c.Risk != RiskLevel.Standard => c.ChildrenLinked ? AgendaGroup.ChildrenThirdParty : AgendaGroup.NoChildrenThirdParty,
        _ => AgendaGroup.MaracRepeats,
    };

    /// <summary>The cases in the order the meeting takes them: by group, then the earliest first, then by reference.</summary>
    public static IReadOnlyList<(DrammCandidate Case, Eligibility Eligibility)> Agenda(IEnumerable<DrammCandidate> candidates) =>
        [.. candidates
            .Select(c => (Case: c, Eligibility: Check(c)))
            .Where(x => x.Eligibility.Eligible)
            .OrderBy(x => x.Eligibility.Group)
            .ThenBy(x => x.Case.At)
            .ThenBy(x => x.Case.Reference, StringComparer.Ordinal)];

    public static string GroupName(AgendaGroup group) => group switch
    {
        AgendaGroup.ClaresLaw => "Clare's Law disclosures",
        AgendaGroup.ChildrenPoliceHigh => "Children linked: police incidents, high risk",
        AgendaGroup.ChildrenPoliceMedium => "Children linked: police incidents, medium risk",
        AgendaGroup.ChildrenThirdParty => "Children linked: MARAC and third-party referrals",
        AgendaGroup.ChildrenTransfer => "Children linked: MARAC transfers",
        AgendaGroup.NoChildrenPoliceHigh => "No children linked: police incidents, high risk",
        AgendaGroup.NoChildrenPoliceMedium => "No children linked: police incidents, medium risk",
        AgendaGroup.NoChildrenThirdParty => "No children linked: MARAC and third-party referrals",
        AgendaGroup.NoChildrenTransfer => "No children linked: MARAC transfers",
        AgendaGroup.ProtectionOrders => "Protection orders",
        _ => "MARAC repeats (standard risk)",
    };

    private static string NotEligibleReason(DrammCandidate c) => c.Source switch
    {
        CaseSource.PoliceIncident when c.Risk == RiskLevel.Medium => "Medium-risk police incident with no children linked and no consent to share",
        CaseSource.PoliceIncident => $"{(c.Risk is null ? "Unassessed" : c.Risk == RiskLevel.Standard ? "Standard-risk" : "This")} police incident, not a MARAC repeat",
        CaseSource.ThirdPartyReferral => "Partner referrals come to DRAMM at high risk, and this one is not",
        _ => "No rule takes this case",
    };
}
