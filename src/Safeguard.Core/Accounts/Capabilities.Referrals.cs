namespace Safeguard.Core.Accounts;

public static partial class Capabilities
{
    /// <summary>
    /// Who takes referrals into DRAMM and MARAC: the MARAC team, chairs and IDVAs (who also refer), and the control
    /// room (police incidents entered by hand). Auditors read them all. Agency representatives see none here: a
    /// partner sees a case only through a meeting its agency attends. Kept apart from ByRole so features merge cleanly.
    /// </summary>
    private static readonly Dictionary<string, Capability[]> ReferralsByRole = new()
    {
        [Roles.MaracCoordinator] = [Capability.RecordReferrals],
        [Roles.MeetingChair] = [Capability.RecordReferrals],
        [Roles.Idva] = [Capability.RecordReferrals],
        [Roles.ControlRoom] = [Capability.RecordReferrals],
        [Roles.Auditor] = [Capability.ReadAllReferrals],
    };
}
