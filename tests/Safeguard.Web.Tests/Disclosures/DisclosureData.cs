using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Disclosures;
using Safeguard.Core.People;
using Safeguard.Web.Tests.People;
using Route = Safeguard.Core.Disclosures.Route;

namespace Safeguard.Web.Tests.Disclosures;

/// <summary>Applications made and moved through the real service, by users of the right roles, for page tests.</summary>
public static class DisclosureData
{
    public sealed record Staff(TestUser Control, TestUser Researcher, TestUser Decider, TestUser Officer, TestUser Supervisor);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(SafeguardApp, int), Staff> StaffByArea = new();

    /// <summary>One CRU team per area, made once and reused.</summary>
    public static async Task<Staff> StaffAsync(this SafeguardApp app, int area)
    {
        if (StaffByArea.TryGetValue((app, area), out var staff))
        {
            return staff;
        }

        staff = new Staff(
            await app.CreateUserAsync([Roles.ControlRoom], [area]),
            await app.CreateUserAsync([Roles.CruResearcher], [area]),
            await app.CreateUserAsync([Roles.CruDecisionMaker], [area]),
            await app.CreateUserAsync([Roles.DisclosureOfficer], [area]),
            await app.CreateUserAsync([Roles.CruSupervisor], [area]));
        return StaffByArea.GetOrAdd((app, area), staff);
    }

    /// <summary>An application in the area, walked to the stage (Disclosure means a decision to disclose, or not).</summary>
    public static async Task<int> CreateApplicationAsync(this SafeguardApp app, int area, DisclosureStage stage,
        Scheme scheme = Scheme.Dvds, Route route = Route.RightToAsk, bool disclose = true)
    {
        var staff = await app.StaffAsync(area);
        var name = PeopleEditing.UniqueName("Applicant");
        var applicant = await app.AddPersonAsync("Alex", name, new DateOnly(1990, 1, 1), area, ContactChannels.None, null, Gender.NotKnown);
        var subject = await app.AddPersonAsync("Sam", PeopleEditing.UniqueName("Subject"), new DateOnly(1985, 1, 1), area, ContactChannels.None, null, Gender.Male);
        var child = await app.AddPersonAsync("Charlie", PeopleEditing.UniqueName("Child"), new DateOnly(2018, 1, 1), area, ContactChannels.None, null, Gender.NotKnown);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var today = London.DateOf(now);

        async Task<int> As(TestUser user, Func<DisclosureService, int, Task<Result<DisclosureApplication>>> step, int id)
        {
            using var scope = app.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = user.Id;
            var service = scope.ServiceProvider.GetRequiredService<DisclosureService>();
            var version = await scope.ServiceProvider.GetRequiredService<Safeguard.Core.Data.SafeguardDbContext>().DisclosureApplications
                .Where(a => a.Id == id).Select(a => a.Version).FirstAsync();
            var result = await step(service, version);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            return result.Value!.Id;
        }

        int id;
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = staff.Control.Id;
            var service = scope.ServiceProvider.GetRequiredService<DisclosureService>();
            var created = await service.CreateAsync(new FirstContact(scheme, route, area, now.AddHours(-1), ReceivedVia.Phone, "Worried about a new partner's past",
                null, null, false, null, null));
            Assert.True(created.Succeeded, string.Join("; ", created.Errors));
            id = created.Value!.Id;
            if (route == Route.RightToAsk)
            {
                Assert.True((await service.AddPersonAsync(id, applicant, ApplicationRole.Applicant, null)).Succeeded);
            }

            Assert.True((await service.AddPersonAsync(id, scheme == Scheme.Dvds ? applicant : child, scheme == Scheme.Dvds ? ApplicationRole.PersonAtRisk : ApplicationRole.Child, null)).Succeeded);
            Assert.True((await service.AddPersonAsync(id, subject, ApplicationRole.Subject, null)).Succeeded);
        }

        if (stage == DisclosureStage.Triage)
        {
            return id;
        }

        await As(staff.Control, (s, v) => s.CompleteTriageAsync(id, v), id);
        if (stage == DisclosureStage.CriteriaReview)
        {
            return id;
        }

        await As(staff.Researcher, (s, v) => s.RecordCriteriaReviewAsync(id, v, new CriteriaReviewInput(true, null, null)), id);
        if (stage == DisclosureStage.FaceToFace)
        {
            return id;
        }

        if (route == Route.RightToAsk)
        {
            await As(staff.Researcher, (s, v) => s.RecordMeetingAsync(id, v, new MeetingInput(today, "Station", "Passport", "Bill", null)), id);
        }

        if (stage == DisclosureStage.Research)
        {
            return id;
        }

        var source = await app.WithDbAsync(db => db.ResearchSources.Select(s => s.Id).FirstAsync());
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = staff.Researcher.Id;
            Assert.True((await scope.ServiceProvider.GetRequiredService<DisclosureService>()
                .AddCheckAsync(id, new CheckInput(source, today, CheckResult.InformationFound, "Previous incidents"))).Succeeded);
        }

        await As(staff.Researcher, (s, v) => s.CompleteResearchAsync(id, v, new ResearchInput(RiskLevel.Medium, "Assessment", scheme == Scheme.Csods ? true : null)), id);
        if (stage == DisclosureStage.Decision)
        {
            return id;
        }

        var recipient = scheme == Scheme.Dvds || route == Route.RightToAsk ? applicant : child;
        await As(staff.Decider, (s, v) => s.RecordDecisionAsync(id, v, disclose
            ? new DecisionInput(true, today, "The subject has convictions for violence against former partners.", recipient, staff.Officer.Id, false, "Lawful", "Necessary", "Proportionate", "Pressing", null, null)
            : new DecisionInput(false, today, null, null, null, null, "Lawful", "Necessary", "Proportionate", null, null, "Nothing to disclose")), id);
        if (stage == DisclosureStage.Disclosure)
        {
            return id;
        }

        await As(staff.Researcher, (s, v) => s.CloseEarlyAsync(id, v, new ClosureInput(DisclosureOutcome.Withdrawn, "Withdrawn")), id);
        return id;
    }
}
