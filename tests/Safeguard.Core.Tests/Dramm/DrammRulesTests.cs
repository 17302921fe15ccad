using Safeguard.Core.Dramm;
using Safeguard.Core.People;

namespace Safeguard.Core.Tests.Dramm;

public sealed class DrammRulesTests
{
    private static readonly DateTime T = new(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc);

    private static DrammCandidate Case(CaseSource source, RiskLevel? risk = null, bool children = false, bool consent = false, bool repeat = false,
        string reference = "X1", int minutes = 0) =>
        new(source, reference, T.AddMinutes(minutes), risk, children, consent, repeat);

    [Theory]
    // source, risk, children, consent, repeat -> eligible, group
    [InlineData(CaseSource.PoliceIncident, RiskLevel.High, false, false, false, true, AgendaGroup.NoChildrenPoliceHigh)]
    [InlineData(CaseSource.PoliceIncident, RiskLevel.High, true, false, false, true, AgendaGroup.ChildrenPoliceHigh)]
    [InlineData(CaseSource.PoliceIncident, RiskLevel.High, true, false, true, true, AgendaGroup.ChildrenPoliceHigh)]
    [InlineData(CaseSource.PoliceIncident, RiskLevel.Medium, true, false, false, true, AgendaGroup.ChildrenPoliceMedium)]
    [InlineData(CaseSource.PoliceIncident, RiskLevel.Medium, false, true, false, true, AgendaGroup.NoChildrenPoliceMedium)]
    [InlineData(CaseSource.PoliceIncident, RiskLevel.Medium, true, true, false, true, AgendaGroup.ChildrenPoliceMedium)]
    [InlineData(CaseSource.PoliceIncident, RiskLevel.Medium, false, false, false, false, null)]
    [InlineData(CaseSource.PoliceIncident, RiskLevel.Medium, false, false, true, true, AgendaGroup.MaracRepeats)]
    [InlineData(CaseSource.PoliceIncident, RiskLevel.Standard, true, true, false, false, null)]
    [InlineData(CaseSource.PoliceIncident, RiskLevel.Standard, true, false, true, true, AgendaGroup.MaracRepeats)]
    [InlineData(CaseSource.PoliceIncident, null, false, false, false, false, null)]
    [InlineData(CaseSource.ThirdPartyReferral, RiskLevel.High, false, false, false, true, AgendaGroup.NoChildrenThirdParty)]
    [InlineData(CaseSource.ThirdPartyReferral, RiskLevel.High, true, false, false, true, AgendaGroup.ChildrenThirdParty)]
    [InlineData(CaseSource.ThirdPartyReferral, RiskLevel.Medium, true, true, false, false, null)]
    [InlineData(CaseSource.ThirdPartyReferral, RiskLevel.Medium, false, false, true, true, AgendaGroup.MaracRepeats)]
    [InlineData(CaseSource.MaracTransfer, null, false, false, false, true, AgendaGroup.NoChildrenTransfer)]
    [InlineData(CaseSource.MaracTransfer, RiskLevel.Standard, true, false, false, true, AgendaGroup.ChildrenTransfer)]
    [InlineData(CaseSource.ClaresLaw, null, true, false, false, true, AgendaGroup.ClaresLaw)]
    [InlineData(CaseSource.ProtectionOrder, null, true, false, false, true, AgendaGroup.ProtectionOrders)]
    public void Each_rule_takes_its_cases_into_its_group(CaseSource source, RiskLevel? risk, bool children, bool consent, bool repeat,
        bool eligible, AgendaGroup? group)
    {
        var result = DrammRules.Check(Case(source, risk, children, consent, repeat));
        Assert.Equal(eligible, result.Eligible);
        Assert.Equal(group, result.Group);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    [Fact]
    public void The_reason_says_which_rule_decided()
    {
        Assert.Equal("Medium-risk police incident with children linked", DrammRules.Check(Case(CaseSource.PoliceIncident, RiskLevel.Medium, children: true)).Reason);
        Assert.Equal("Medium-risk police incident with no children linked and no consent to share", DrammRules.Check(Case(CaseSource.PoliceIncident, RiskLevel.Medium)).Reason);
        Assert.Equal("MARAC repeat: a new incident within 12 months of a MARAC", DrammRules.Check(Case(CaseSource.PoliceIncident, RiskLevel.Standard, repeat: true)).Reason);
    }

    [Fact]
    public void The_agenda_follows_the_protocol_order_then_time_then_reference_and_leaves_out_the_rest()
    {
        DrammCandidate[] cases =
        [
            Case(CaseSource.PoliceIncident, RiskLevel.Standard, repeat: true, reference: "REPEAT"),
            Case(CaseSource.ProtectionOrder, reference: "ORDER"),
            Case(CaseSource.MaracTransfer, reference: "TRANSFER-NO-CHILDREN"),
            Case(CaseSource.ThirdPartyReferral, RiskLevel.High, reference: "THIRD-NO-CHILDREN"),
            Case(CaseSource.PoliceIncident, RiskLevel.Medium, consent: true, reference: "MEDIUM-CONSENT"),
            Case(CaseSource.PoliceIncident, RiskLevel.High, reference: "HIGH-NO-CHILDREN"),
            Case(CaseSource.MaracTransfer, children: true, reference: "TRANSFER-CHILDREN"),
            Case(CaseSource.ThirdPartyReferral, RiskLevel.High, children: true, reference: "THIRD-CHILDREN"),
            Case(CaseSource.PoliceIncident, RiskLevel.Medium, children: true, reference: "MEDIUM-CHILDREN"),
            Case(CaseSource.PoliceIncident, RiskLevel.High, children: true, reference: "HIGH-CHILDREN-LATER", minutes: 30),
            Case(CaseSource.PoliceIncident, RiskLevel.High, children: true, reference: "HIGH-CHILDREN-B", minutes: 10),
            Case(CaseSource.PoliceIncident, RiskLevel.High, children: true, reference: "HIGH-CHILDREN-A", minutes: 10),
            Case(CaseSource.ClaresLaw, reference: "CLARE"),
            Case(CaseSource.PoliceIncident, RiskLevel.Medium, reference: "MEDIUM-NOTHING"),
            Case(CaseSource.ThirdPartyReferral, RiskLevel.Medium, reference: "THIRD-MEDIUM"),
        ];

        var order = DrammRules.Agenda(cases).Select(x => x.Case.Reference).ToList();

        Assert.Equal(
            [
                "CLARE", "HIGH-CHILDREN-A", "HIGH-CHILDREN-B", "HIGH-CHILDREN-LATER", "MEDIUM-CHILDREN", "THIRD-CHILDREN", "TRANSFER-CHILDREN",
                "HIGH-NO-CHILDREN", "MEDIUM-CONSENT", "THIRD-NO-CHILDREN", "TRANSFER-NO-CHILDREN", "ORDER", "REPEAT",
            ],
            order);
    }

    [Fact]
    public void Every_group_has_a_name_for_the_agenda()
    {
        var names = Enum.GetValues<AgendaGroup>().Select(DrammRules.GroupName).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
    }
}
