using Safeguard.Core.People;

namespace Safeguard.Core.Dramm;

/// <summary>Where a possible DRAMM case comes from: a police incident, a partner's referral, a transfer, Clare's Law, an order.</summary>
public enum CaseSource
{
    PoliceIncident,
    ThirdPartyReferral,
    MaracTransfer,
    ClaresLaw,
    ProtectionOrder,
}

/// <summary>
/// What the eligibility rules and the agenda order need to know about one possible case, whatever record it comes
/// from. <see cref="At"/> is when it happened or arrived: the incident, the referral, the order issued, the
/// application put to the forum.
/// </summary>
public sealed record DrammCandidate(
    CaseSource Source,
    string Reference,
    DateTime At,
    RiskLevel? Risk,
    bool ChildrenLinked,
    bool VictimConsented,
    bool IsMaracRepeat);
