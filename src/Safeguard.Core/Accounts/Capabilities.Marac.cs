namespace Safeguard.Core.Accounts;

public static partial class Capabilities
{
    // MARAC (issue 6): the co-ordinator and the chair run the meetings; the invited agencies' people (representatives
    // and IDVAs) see what is released to them; auditors see the figures but no case.
    private static readonly Dictionary<string, Capability[]> MaracByRole = new()
    {
        [Roles.MaracCoordinator] = [Capability.PrepareMarac, Capability.ViewMaracCases, Capability.ViewMaracFigures],
        [Roles.MeetingChair] = [Capability.PrepareMarac, Capability.ViewMaracCases, Capability.ViewMaracFigures],
        [Roles.Idva] = [Capability.ViewMaracCases],
        [Roles.AgencyRepresentative] = [Capability.ViewMaracCases],
        [Roles.Auditor] = [Capability.ViewMaracFigures],
    };
}
