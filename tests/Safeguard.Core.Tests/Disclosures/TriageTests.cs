using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Disclosures;
using Safeguard.Core.People;

namespace Safeguard.Core.Tests.Disclosures;

/// <summary>Triage ends only when the people the scheme needs are on the application; the person rules hold while adding them.</summary>
public sealed class TriageTests : DisclosureFixture
{
    [Theory]
    [InlineData(Scheme.Dvds, Route.RightToAsk, ApplicationRole.Applicant)]
    [InlineData(Scheme.Dvds, Route.RightToAsk, ApplicationRole.Subject)]
    [InlineData(Scheme.Dvds, Route.RightToAsk, ApplicationRole.PersonAtRisk)]
    [InlineData(Scheme.Dvds, Route.RightToKnow, ApplicationRole.PersonAtRisk)]
    [InlineData(Scheme.Csods, Route.RightToAsk, ApplicationRole.Child)]
    [InlineData(Scheme.Csods, Route.RightToKnow, ApplicationRole.Subject)]
    public async Task Triage_is_refused_while_someone_the_scheme_needs_is_missing(Scheme scheme, Route route, ApplicationRole missing)
    {
        var app = await CreateAsync(scheme, route);
        var needed = new List<ApplicationRole> { ApplicationRole.Subject, scheme == Scheme.Dvds ? ApplicationRole.PersonAtRisk : ApplicationRole.Child };
        if (route == Route.RightToAsk)
        {
            needed.Add(ApplicationRole.Applicant);
        }

        var n = 0;
        foreach (var role in needed.Where(r => r != missing))
        {
            var person = await PersonAsync("Person" + (char)('A' + n), "Number" + (char)('A' + n++), new DateOnly(1980, 1, 1));
            await AddAsync(app.Id, person.Id, role);
        }

        var before = await ReloadAsync(app.Id);
        var result = await As(Researcher, s => s.CompleteTriageAsync(app.Id, before.Version));
        AssertError(result, "People");
        Assert.Single(result.Errors);
        var after = await ReloadAsync(app.Id);
        Assert.Equal(DisclosureStage.Triage, after.Stage);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task An_empty_DVDS_Right_to_Ask_application_lists_everyone_missing()
    {
        var app = await CreateAsync(Scheme.Dvds, Route.RightToAsk);
        var result = await As(Researcher, s => s.CompleteTriageAsync(app.Id, app.Version));
        Assert.Equal(3, result.Errors.Count(e => e.Field == "People"));
    }

    [Fact]
    public async Task The_subject_cannot_also_be_the_person_at_risk_either_way_round()
    {
        var app = await CreateAsync(Scheme.Dvds, Route.RightToAsk);
        var subject = await PersonAsync("Shane", "Subjectson", new DateOnly(1985, 4, 2));
        var atRisk = await PersonAsync("Pat", "Atrisk", new DateOnly(1992, 8, 9));
        await AddAsync(app.Id, subject.Id, ApplicationRole.Subject);
        await AddAsync(app.Id, atRisk.Id, ApplicationRole.PersonAtRisk);
        AssertError(await As(ControlRoom, s => s.AddPersonAsync(app.Id, subject.Id, ApplicationRole.PersonAtRisk, null)), "Role");
        AssertError(await As(ControlRoom, s => s.AddPersonAsync(app.Id, atRisk.Id, ApplicationRole.Subject, null)), "Role");
        AssertError(await As(ControlRoom, s => s.AddPersonAsync(app.Id, subject.Id, ApplicationRole.Applicant, null)), "Role");
        Assert.Equal(2, (await ReloadAsync(app.Id)).People.Count);
    }

    [Fact]
    public async Task The_applicant_may_also_be_the_person_at_risk_but_not_twice_in_one_role()
    {
        var app = await CreateAsync(Scheme.Dvds, Route.RightToAsk);
        var pat = await PersonAsync("Pat", "Atrisk", new DateOnly(1992, 8, 9));
        await AddAsync(app.Id, pat.Id, ApplicationRole.Applicant);
        await AddAsync(app.Id, pat.Id, ApplicationRole.PersonAtRisk);
        AssertError(await As(ControlRoom, s => s.AddPersonAsync(app.Id, pat.Id, ApplicationRole.Applicant, null)), "Role");
        Assert.Equal(2, (await ReloadAsync(app.Id)).People.Count);
    }

    [Fact]
    public async Task A_person_born_after_the_application_was_received_is_refused()
    {
        var app = await CreateAsync(Scheme.Csods, Route.RightToAsk, Start.UtcDateTime.AddDays(-10));
        var baby = await PersonAsync("Newborn", "Baby", Today.AddDays(-3));
        var result = await As(ControlRoom, s => s.AddPersonAsync(app.Id, baby.Id, ApplicationRole.Child, null));
        AssertError(result, "PersonId");
        Assert.Empty((await ReloadAsync(app.Id)).People);
        Assert.False(await Db(db => db.PersonInvolvements.AnyAsync(i => i.PersonId == baby.Id)));

        var sameDay = await PersonAsync("Sameday", "Baby", Today.AddDays(-10));
        Assert.True((await As(ControlRoom, s => s.AddPersonAsync(app.Id, sameDay.Id, ApplicationRole.Child, null))).Succeeded);
    }

    [Fact]
    public async Task An_unknown_person_and_a_long_relationship_are_refused()
    {
        var app = await CreateAsync(Scheme.Dvds, Route.RightToAsk);
        AssertError(await As(ControlRoom, s => s.AddPersonAsync(app.Id, 999_999, ApplicationRole.Subject, null)), "PersonId");
        var pat = await PersonAsync("Pat", "Atrisk", new DateOnly(1992, 8, 9));
        AssertError(await As(ControlRoom, s => s.AddPersonAsync(app.Id, pat.Id, ApplicationRole.PersonAtRisk, new string('x', 201))), "Relationship");
        Assert.Empty((await ReloadAsync(app.Id)).People);
    }
}
