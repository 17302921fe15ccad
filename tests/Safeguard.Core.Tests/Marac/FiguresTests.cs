using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Actions;
using Safeguard.Core.Data;
using Safeguard.Core.Marac;
using Safeguard.Core.Organisation;

namespace Safeguard.Core.Tests.Marac;

/// <summary>The MARAC dashboard's counts: cases per meeting with repeats and children, actions by agency, and work due, per area.</summary>
public sealed class FiguresTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private CoreHost _host = null!;
    private (int Police, int AreaA, int AreaB) _org;
    private int _housing;
    private string _owner = null!;

    public async Task InitializeAsync()
    {
        _host = await CoreHost.StartAsync();
        _org = await _host.SeedOrganisationAsync();
        using var scope = _host.Scope();
        _housing = (await scope.ServiceProvider.GetRequiredService<OrganisationService>().SaveAgencyAsync(null, "Testshire Homes", AgencyKind.Housing, true, 0)).Value!.Id;
        _owner = (await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(new UserDetails("Olive Owner", "olive.owner@example.org", _org.Police, [_org.AreaA], [Roles.AgencyRepresentative]), null)).Value!.User.Id;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<MaracDashboard> FiguresAsync(int[]? areas)
    {
        using var scope = _host.Scope();
        return await scope.ServiceProvider.GetRequiredService<MaracFigures>().ComputeAsync(areas, Today);
    }

    [Fact]
    public async Task Counts_cases_repeats_children_actions_by_agency_and_work_due_in_the_users_areas_only()
    {
        using (var scope = _host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            // Victim 7 was heard 13 months ago (outside the figures), 5 months ago (8 months after: a repeat) and last
            // week (5 months after that: a repeat). Victim 8's next case is on a meeting still to come.
            var old = await MinutesRecord.MeetingAsync(db, _org.AreaA, Today.AddMonths(-13), [_org.Police]);
            await MinutesRecord.CaseAsync(db, old, "MR000100", 1, victim: 7);
            var autumn = await MinutesRecord.MeetingAsync(db, _org.AreaA, Today.AddMonths(-5), [_org.Police]);
            await MinutesRecord.CaseAsync(db, autumn, "MR000101", 1, victim: 7, children: true);
            await MinutesRecord.CaseAsync(db, autumn, "MR000102", 2, victim: 8);
            var recent = await MinutesRecord.MeetingAsync(db, _org.AreaA, Today.AddDays(-7), [_org.Police, _housing]);
            var repeat = await MinutesRecord.CaseAsync(db, recent, "MR000103", 1, victim: 7, children: true);
            var fresh = await MinutesRecord.CaseAsync(db, recent, "MR000104", 2, victim: 9);
            await MinutesRecord.CaseAsync(db, recent, "MR000105", 3);
            var next = await MinutesRecord.MeetingAsync(db, _org.AreaA, Today.AddDays(7), [_org.Police], closed: false);
            next.PackReleasedAt = null;
            await MinutesRecord.CaseAsync(db, next, "MR000106", 1, victim: 8);
            var south = await MinutesRecord.MeetingAsync(db, _org.AreaB, Today.AddDays(-3), [_org.Police]);
            await MinutesRecord.CaseAsync(db, south, "MR000200", 1, victim: 10);

            await MinutesRecord.ActionAsync(db, repeat, _org.AreaA, _org.Police, _owner, "One", Today.AddDays(-1));
            await MinutesRecord.ActionAsync(db, repeat, _org.AreaA, _org.Police, _owner, "Two", Today.AddDays(2), ActionStatus.InProgress);
            await MinutesRecord.ActionAsync(db, fresh, _org.AreaA, _org.Police, _owner, "Three", Today.AddDays(30));
            await MinutesRecord.ActionAsync(db, fresh, _org.AreaA, _org.Police, _owner, "Done", Today.AddDays(-3), ActionStatus.Done);
            await MinutesRecord.ActionAsync(db, fresh, _org.AreaA, _housing, _owner, "Four", Today.AddDays(7));
            db.MaracMinutesCorrections.Add(new MaracMinutesCorrection
            {
                MeetingId = recent.Id, VersionNumber = 1, AgencyId = _housing, ProposedByUserId = _owner, ProposedAt = DateTime.UtcNow, Text = "Fix", Version = 1,
            });
            await db.SaveChangesAsync();
        }

        var a = await FiguresAsync([_org.AreaA]);
        Assert.Equal([(Today.AddDays(-7), 3, 1, 1), (Today.AddMonths(-5), 2, 1, 1)], a.Meetings.Select(m => (m.Date, m.Cases, m.Repeats, m.ChildrenLinked)));
        Assert.Equal((5, 2, (int?)40), (a.Cases, a.Repeats, a.RepeatPercent));
        Assert.Equal([new AgencyActionFigures("Testshire Police", 3, 1), new AgencyActionFigures("Testshire Homes", 1, 0)], a.ActionsByAgency);
        Assert.Equal(2, a.ActionsDueThisWeek);
        Assert.Equal(1, a.CorrectionsAwaitingDecision);
        var upcoming = Assert.Single(a.NextMeetings);
        Assert.Equal((Today.AddDays(7), 1, false), (upcoming.Date, upcoming.Cases, upcoming.PackReleased));

        var b = await FiguresAsync([_org.AreaB]);
        Assert.Equal((1, 0, 0, 0), (b.Cases, b.Repeats, b.ActionsByAgency.Count, b.CorrectionsAwaitingDecision));
        var everywhere = await FiguresAsync(null);
        Assert.Equal(6, everywhere.Cases);
        var none = await FiguresAsync([]);
        Assert.Equal((0, (int?)null, 0), (none.Cases, none.RepeatPercent, none.NextMeetings.Count));
    }
}
