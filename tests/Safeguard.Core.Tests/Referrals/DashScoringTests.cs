using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;
using Safeguard.Core.Referrals.Dash;

namespace Safeguard.Core.Tests.Referrals;

public sealed class DashScoringTests : ReferralFixture
{
    [Fact]
    public async Task The_shipped_versions_have_the_published_question_counts()
    {
        Assert.Equal(24, (await DefinitionAsync(DashKeys.Partner)).Questions.Count);
        Assert.Equal(27, (await DefinitionAsync(DashKeys.Police)).Questions.Count);
        Assert.Equal(11, (await DefinitionAsync(DashKeys.Stalking)).Questions.Count);
        Assert.NotEmpty((await DefinitionAsync(DashKeys.YoungPerson)).Questions);
    }

    [Theory]
    [InlineData(13, false, RiskLevel.Medium)]
    [InlineData(14, true, RiskLevel.High)]
    public async Task Visible_high_risk_starts_at_14_yes_answers(int yes, bool met, RiskLevel level)
    {
        var (referral, _) = await WithVictimAsync();
        var result = await AssessAsync(referral.Id, yes);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(yes, result.Value!.YesCount);
        Assert.Equal(level, result.Value.RiskLevel);
        Assert.Equal(met, result.Value.CriteriaMet.HasFlag(ReferralCriteria.VisibleHighRisk));
        Assert.Contains($"{yes} yes answers of 24", result.Value.ReadFindings().Single(f => f.Criterion == ReferralCriteria.VisibleHighRisk).Evidence);
        Assert.Equal(met ? ReferralRouting.Marac : ReferralRouting.NotMarac, (await ReloadAsync(referral.Id)).Routing);
    }

    [Fact]
    public async Task Professional_judgement_raises_the_level_with_a_rationale()
    {
        var (referral, _) = await WithVictimAsync();
        AssertError(await AssessAsync(referral.Id, 5, RiskLevel.High), "Rationale");
        var result = await AssessAsync(referral.Id, 5, RiskLevel.High, "Non-fatal strangulation last week");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(RiskLevel.High, result.Value!.RiskLevel);
        Assert.Equal(RiskLevel.Standard, result.Value.ActuarialLevel);
        Assert.Equal(ReferralCriteria.ProfessionalJudgement, result.Value.CriteriaMet);
        Assert.Contains("Non-fatal strangulation", result.Value.ReadFindings().Single(f => f.Criterion == ReferralCriteria.ProfessionalJudgement).Evidence);
    }

    [Fact]
    public async Task Professional_judgement_never_lowers_an_actuarial_high_and_nothing_is_saved()
    {
        var (referral, _) = await WithVictimAsync();
        var result = await AssessAsync(referral.Id, 16, RiskLevel.Medium, "She says things have calmed down");
        AssertError(result, "JudgedLevel");
        Assert.Equal(DashScoring.DowngradeMessage, result.Errors.Single(e => e.Field == "JudgedLevel").Message);
        Assert.Equal(0, await Db(db => db.RiskAssessments.CountAsync()));
        Assert.Equal(ReferralRouting.AwaitingAssessment, (await ReloadAsync(referral.Id)).Routing);
    }

    [Fact]
    public async Task An_unanswered_question_is_an_error_naming_it()
    {
        var (referral, _) = await WithVictimAsync();
        var definition = await DefinitionAsync(DashKeys.Partner);
        var answers = Answers(definition, 3);
        answers.Remove("strangling");
        answers["weapons"] = null;
        var result = await As(s => s.AssessAsync(referral.Id, new AssessmentInput(definition.Key, definition.Version, answers, null, null)));
        AssertError(result, "Answers[strangling]");
        AssertError(result, "Answers[weapons]");
        Assert.Contains(result.Errors, e => e.Message.StartsWith("Answer question 15:", StringComparison.Ordinal));
        Assert.Equal(0, await Db(db => db.RiskAssessments.CountAsync()));
    }

    [Fact]
    public async Task Three_police_reported_incidents_in_12_months_are_potential_escalation_with_their_references()
    {
        var victim = await PersonAsync("Vicky", "Escalates", new DateOnly(1990, 5, 5));
        foreach (var daysAgo in new[] { 300, 100 })
        {
            var earlier = await CreateAsync(ReferralKind.PoliceIncidentMedium, Today.AddDays(-daysAgo));
            Assert.True((await As(s => s.AddPersonAsync(earlier.Id, victim, ReferralRole.Victim, null))).Succeeded);
        }

        var (referral, _) = await WithVictimAsync(kind: ReferralKind.PoliceIncidentHigh, victim: victim);
        var result = await AssessAsync(referral.Id, 2);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var finding = result.Value!.ReadFindings().Single(f => f.Criterion == ReferralCriteria.PotentialEscalation);
        Assert.True(finding.Met);
        Assert.StartsWith("3 police-reported incidents", finding.Evidence, StringComparison.Ordinal);
        Assert.Contains(referral.Reference, finding.Evidence);
        Assert.Equal(ReferralRouting.Marac, (await ReloadAsync(referral.Id)).Routing);
    }

    [Fact]
    public async Task Two_incidents_are_not_potential_escalation()
    {
        var victim = await PersonAsync("Vicky", "Twice", new DateOnly(1990, 5, 5));
        var earlier = await CreateAsync(ReferralKind.PoliceIncidentMedium, Today.AddDays(-400));
        Assert.True((await As(s => s.AddPersonAsync(earlier.Id, victim, ReferralRole.Victim, null))).Succeeded);
        var (referral, _) = await WithVictimAsync(kind: ReferralKind.PoliceIncidentHigh, victim: victim);
        var result = await AssessAsync(referral.Id, 2);
        Assert.False(result.Value!.ReadFindings().Single(f => f.Criterion == ReferralCriteria.PotentialEscalation).Met);
    }

    [Fact]
    public async Task A_new_referral_within_12_months_of_the_last_marac_referral_is_a_repeat()
    {
        var (first, victim) = await WithVictimAsync(receivedOn: Today.AddMonths(-11));
        Assert.True((await AssessAsync(first.Id, 15)).Succeeded);

        var (second, _) = await WithVictimAsync(victim: victim);
        var result = await AssessAsync(second.Id, 1);
        var repeat = result.Value!.ReadFindings().Single(f => f.Criterion == ReferralCriteria.Repeat);
        Assert.True(repeat.Met);
        Assert.Contains(first.Reference, repeat.Evidence);
        Assert.Equal(ReferralCriteria.Repeat, result.Value.CriteriaMet);
    }

    [Fact]
    public async Task More_than_12_months_after_the_last_marac_referral_is_not_a_repeat()
    {
        var (first, victim) = await WithVictimAsync(receivedOn: Today.AddMonths(-12).AddDays(-1));
        Assert.True((await AssessAsync(first.Id, 15)).Succeeded);
        var (second, _) = await WithVictimAsync(victim: victim);
        var result = await AssessAsync(second.Id, 1);
        Assert.False(result.Value!.ReadFindings().Single(f => f.Criterion == ReferralCriteria.Repeat).Met);
        Assert.Equal(ReferralRouting.NotMarac, (await ReloadAsync(second.Id)).Routing);
    }

    [Fact]
    public async Task A_checklist_without_a_threshold_needs_a_judged_level()
    {
        var (referral, _) = await WithVictimAsync();
        AssertError(await AssessAsync(referral.Id, 5, key: DashKeys.Stalking), "JudgedLevel");
        Assert.True((await AssessAsync(referral.Id, 5, RiskLevel.Medium, "Loitering near her work most days", DashKeys.Stalking)).Succeeded);
    }

    [Fact]
    public async Task A_victim_merged_after_being_added_still_brings_the_history_of_both_records()
    {
        var (first, earlierRecord) = await WithVictimAsync(receivedOn: Today.AddMonths(-6));
        Assert.True((await AssessAsync(first.Id, 15)).Succeeded);
        var (second, victim) = await WithVictimAsync(born: new DateOnly(1990, 5, 6));

        using (var scope = Host.Scope())
        {
            var merged = await scope.ServiceProvider.GetRequiredService<PersonMerging>().MergeAsync(earlierRecord, victim, "Same fictional person", Coordinator);
            Assert.True(merged.Succeeded, string.Join("; ", merged.Errors));
        }

        var result = await AssessAsync(second.Id, 1);
        var repeat = result.Value!.ReadFindings().Single(f => f.Criterion == ReferralCriteria.Repeat);
        Assert.True(repeat.Met, repeat.Evidence);
        Assert.Contains(first.Reference, repeat.Evidence);
    }
}
