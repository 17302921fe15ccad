using Microsoft.EntityFrameworkCore;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;

namespace Safeguard.Core.Tests.Referrals;

public sealed class ReferralServiceTests : ReferralFixture
{
    [Fact]
    public async Task A_referral_is_saved_with_its_timeline_and_audit_event()
    {
        var referral = await CreateAsync();
        var saved = await ReloadAsync(referral.Id);
        Assert.Equal(ReferralRouting.AwaitingAssessment, saved.Routing);
        Assert.Equal("Northtown Housing (fictional)", saved.ReferrerAgency);
        Assert.StartsWith("RF", saved.Reference, StringComparison.Ordinal);
        Assert.Equal(["Referral received"], await Db(db => db.ReferralEvents.Where(e => e.ReferralId == referral.Id).Select(e => e.Title).ToListAsync()));
        Assert.Equal(1, await Db(db => db.AuditEvents.CountAsync(e => e.Action == "referral.created" && e.RecordId == referral.Id.ToString())));
    }

    [Fact]
    public async Task Bad_input_names_each_field_and_saves_nothing()
    {
        var result = await As(s => s.CreateAsync(new NewReferral(null, 9999, Today.AddDays(1), null, " ", null, null, null,
            ReferralCriteria.None, null, null, null, null, null, null, null, null)));
        foreach (var field in new[] { "Kind", "AreaId", "ReceivedOn", "ReferrerName", "ReferrerAgency", "ReferrerRole", "ReferrerContact", "Reason", "VictimAware", "VictimConsents" })
        {
            AssertError(result, field);
        }

        Assert.Equal(0, await Db(db => db.Referrals.CountAsync()));
        Assert.Equal(0, await Db(db => db.AuditEvents.CountAsync(e => e.Action.StartsWith("referral."))));
    }

    [Fact]
    public async Task A_police_incident_needs_its_incident_number_and_an_agency_referral_needs_a_reason_against_the_criteria()
    {
        AssertError(await As(s => s.CreateAsync(Form(ReferralKind.PoliceIncidentHigh))), "PoliceReference");
        AssertError(await As(s => s.CreateAsync(Form() with { ReferrerCriteria = ReferralCriteria.None })), "ReferrerCriteria");
    }

    [Fact]
    public async Task People_are_recorded_as_involvements_so_the_person_index_knows_them()
    {
        var (referral, victim) = await WithVictimAsync(kind: ReferralKind.PoliceIncidentHigh);
        var perpetrator = await PersonAsync("Perry", "Testcase", new DateOnly(1988, 1, 1));
        var child = await PersonAsync("Chris", "Testcase", new DateOnly(2019, 3, 3));
        Assert.True((await As(s => s.AddPersonAsync(referral.Id, perpetrator, ReferralRole.Perpetrator, null))).Succeeded);
        Assert.True((await As(s => s.AddPersonAsync(referral.Id, child, ReferralRole.Child, "Northtown Primary (fictional)"))).Succeeded);

        var involvements = await Db(db => db.PersonInvolvements.Where(i => i.Reference == referral.Reference).OrderBy(i => i.Id).ToListAsync());
        Assert.Equal([CaseRole.Victim, CaseRole.Perpetrator, CaseRole.Child], involvements.Select(i => i.Role));
        Assert.All(involvements, i => Assert.Equal(InvolvementKind.Incident, i.Kind));
        Assert.All(involvements, i => Assert.True(i.PoliceReported));
        Assert.Equal("Northtown Primary (fictional)", (await ReloadAsync(referral.Id)).People.Single(p => p.Role == ReferralRole.Child).School);
        Assert.Equal(victim, involvements[0].PersonId);
    }

    [Fact]
    public async Task A_second_victim_and_a_school_for_an_adult_are_refused()
    {
        var (referral, _) = await WithVictimAsync();
        var other = await PersonAsync("Olive", "Testcase", new DateOnly(1991, 1, 1));
        AssertError(await As(s => s.AddPersonAsync(referral.Id, other, ReferralRole.Victim, null)), "School");
        AssertError(await As(s => s.AddPersonAsync(referral.Id, other, ReferralRole.Perpetrator, "A school")), "School");
        Assert.Single((await ReloadAsync(referral.Id)).People);
    }

    [Fact]
    public async Task A_victim_under_16_routes_the_referral_to_childrens_safeguarding_and_never_to_marac()
    {
        var (referral, victim) = await WithVictimAsync(born: Today.AddYears(-16).AddDays(1));
        Assert.Equal(ReferralRouting.ChildrensSafeguarding, (await ReloadAsync(referral.Id)).Routing);
        Assert.Contains("Routed to children's safeguarding", await Db(db => db.ReferralEvents.Where(e => e.ReferralId == referral.Id).Select(e => e.Title).ToListAsync()));

        var assessed = await AssessAsync(referral.Id, 20, key: Safeguard.Core.Referrals.Dash.DashKeys.YoungPerson, judged: RiskLevel.High, rationale: "Threats to kill");
        Assert.True(assessed.Succeeded, string.Join("; ", assessed.Errors));
        Assert.Equal(ReferralRouting.ChildrensSafeguarding, (await ReloadAsync(referral.Id)).Routing);
        Assert.Equal(0, await Db(db => db.PersonInvolvements.CountAsync(i => i.PersonId == victim && i.Kind == InvolvementKind.MaracReferral)));
    }

    [Fact]
    public async Task A_victim_who_turned_16_on_the_day_goes_to_marac_when_a_criterion_is_met()
    {
        var (referral, victim) = await WithVictimAsync(born: Today.AddYears(-16));
        Assert.Equal(ReferralRouting.AwaitingAssessment, (await ReloadAsync(referral.Id)).Routing);
        Assert.True((await AssessAsync(referral.Id, 14)).Succeeded);
        Assert.Equal(ReferralRouting.Marac, (await ReloadAsync(referral.Id)).Routing);
        Assert.Equal(1, await Db(db => db.PersonInvolvements.CountAsync(i => i.PersonId == victim && i.Kind == InvolvementKind.MaracReferral)));
    }

    [Fact]
    public async Task An_assessment_needs_a_victim_first()
    {
        var referral = await CreateAsync();
        AssertError(await AssessAsync(referral.Id, 14), "DefinitionKey");
        Assert.Equal(0, await Db(db => db.RiskAssessments.CountAsync()));
    }

    [Fact]
    public async Task Two_victims_added_at_once_leave_one_victim_and_the_loser_saves_nothing()
    {
        var referral = await CreateAsync();
        var first = await PersonAsync("Vicky", "Racer", new DateOnly(1990, 1, 1));
        var second = await PersonAsync("Val", "Racer", new DateOnly(1991, 1, 1));
        var results = await Task.WhenAll(
            As(s => s.AddPersonAsync(referral.Id, first, ReferralRole.Victim, null)),
            As(s => s.AddPersonAsync(referral.Id, second, ReferralRole.Victim, null)));

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(results, r => !r.Succeeded && r.Errors.Single().Field == "School");
        Assert.Single((await ReloadAsync(referral.Id)).People);
        Assert.Equal(1, await Db(db => db.PersonInvolvements.CountAsync(i => i.Reference == referral.Reference)));
        Assert.Equal(1, await Db(db => db.AuditEvents.CountAsync(e => e.Action == "referral.person-added" && e.RecordId == referral.Id.ToString())));
    }
}
