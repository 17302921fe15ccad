using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Actions;
using Safeguard.Core.Marac;

namespace Safeguard.Core.Tests.Marac;

/// <summary>Actions at the meeting: the one action log's rules, owners from invited agencies, and earlier actions reviewed first.</summary>
public sealed class LiveActionTests : LiveFixture
{
    private Task<CaseAction> ActionAsync(ActionSource source, int sourceId, int agency, string owner, ActionStatus status, DateTime? completedAt = null, int? area = null) =>
        Db(async db =>
        {
            var a = new CaseAction
            {
                Source = source, SourceId = sourceId, Reference = $"MC{sourceId}", AreaId = area ?? Org.AreaA, OwnerAgencyId = agency, OwnerUserId = owner,
                Description = "Offer a lock change", DueOn = new DateOnly(2026, 11, 28), Status = status, CreatedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
                CompletedAt = completedAt, Version = 1,
            };
            db.CaseActions.Add(a);
            await db.SaveChangesAsync();
            return a;
        });

    [Fact]
    public async Task An_action_needs_an_owner_of_an_invited_agency_and_a_due_date_from_today()
    {
        var (meeting, cases) = await MeetingAsync();
        Host.Clock.Set(OnTheDay);
        var closedMeeting = await Live(l => l.AddActionAsync(cases[0], new NewMaracAction(Housing, HousingOfficer, "Lock change", MeetingDay)));
        Assert.Equal("Actions are agreed while the meeting is open", Assert.Single(closedMeeting.Errors).Message);
        Assert.True((await Live(l => l.OpenAsync(meeting))).Succeeded);

        var none = await Live(l => l.AddActionAsync(cases[0], new NewMaracAction(null, null, "Lock change", null)));
        Assert.Equal(["OwnerAgencyId", "DueOn"], none.Errors.Select(e => e.Field));
        var past = await Live(l => l.AddActionAsync(cases[0], new NewMaracAction(Housing, HousingOfficer, "Lock change", MeetingDay.AddDays(-1))));
        Assert.Equal("The due date must be today or in the future", Assert.Single(past.Errors).Message);
        var notInvited = await Live(l => l.AddActionAsync(cases[0], new NewMaracAction(Health, HousingOfficer, "Lock change", MeetingDay)));
        Assert.Equal("Select an agency invited to this meeting", Assert.Single(notInvited.Errors).Message);
        Assert.Equal(0, await Db(db => db.CaseActions.CountAsync()));

        var added = await Live(l => l.AddActionAsync(cases[0], new NewMaracAction(Housing, HousingOfficer, "Lock change", MeetingDay.AddDays(7))));
        Assert.True(added.Succeeded, string.Join("; ", added.Errors));
        var action = await Db(db => db.CaseActions.SingleAsync());
        var reference = await Db(db => db.MaracCases.Where(c => c.Id == cases[0]).Select(c => c.Reference).SingleAsync());
        Assert.Equal((ActionSource.MaracCase, cases[0], reference, Org.AreaA, Housing), (action.Source, action.SourceId, action.Reference, action.AreaId, action.OwnerAgencyId));
        Assert.Equal([action.Id], (await Record(r => r.LoadAsync(cases[0])))!.Actions.Select(a => a.Id));
    }

    [Fact]
    public async Task The_next_meeting_reviews_the_earlier_unfinished_actions_first_and_only_the_owner_agency_updates_them()
    {
        var (earlier, earlierCases) = await MeetingAsync(day: MeetingDay.AddDays(-14), cases: 1);
        var (meeting, _) = await MeetingAsync(drammCaseId: 4242);
        var (elsewhere, elsewhereCases) = await SeedMeetingAsync(Host, Org.AreaB, MeetingDay.AddDays(-14), [Org.Agency], 1, true);
        var open = await ActionAsync(ActionSource.MaracCase, earlierCases[0], Housing, HousingOfficer, ActionStatus.Open);
        var progressing = await ActionAsync(ActionSource.MaracCase, earlierCases[0], Org.Agency, PoliceOfficer, ActionStatus.InProgress);
        var waiting = await ActionAsync(ActionSource.MaracCase, earlierCases[0], Org.Agency, PoliceOfficer, ActionStatus.Open);
        await ActionAsync(ActionSource.MaracCase, earlierCases[0], Housing, HousingOfficer, ActionStatus.Done, new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc));
        await ActionAsync(ActionSource.MaracCase, elsewhereCases[0], Org.Agency, PoliceOfficer, ActionStatus.Open, area: Org.AreaB);
        var dramm = await ActionAsync(ActionSource.DrammCase, 4242, Org.Agency, PoliceOfficer, ActionStatus.Open);
        await ActionAsync(ActionSource.DrammCase, 4243, Org.Agency, PoliceOfficer, ActionStatus.Open);

        Assert.Equal(new[] { open.Id, progressing.Id, waiting.Id, dramm.Id }.Order(), (await Live(l => l.PreviousActionsAsync(meeting))).Select(a => a.Id).Order());
        Assert.Empty(await Live(l => l.PreviousActionsAsync(earlier)));

        Host.Clock.Set(OnTheDay);
        var notOpen = await Live(l => l.RecordActionUpdateAtMeetingAsync(meeting, open.Id, Housing, new ActionUpdateInput(ActionStatus.InProgress, "Booked", null, 1)));
        Assert.Equal("Updates are recorded here only while the meeting is open", Assert.Single(notOpen.Errors).Message);
        Assert.True((await Live(l => l.OpenAsync(meeting))).Succeeded);

        var byPolice = await Live(l => l.RecordActionUpdateAtMeetingAsync(meeting, open.Id, Org.Agency, new ActionUpdateInput(ActionStatus.Done, "Done", "Invoice 12", 1)));
        Assert.Equal("Only the agency that owns this action can update it", Assert.Single(byPolice.Errors).Message);
        var noEvidence = await Live(l => l.RecordActionUpdateAtMeetingAsync(meeting, open.Id, Housing, new ActionUpdateInput(ActionStatus.Done, "Locks changed", null, 1)));
        Assert.Equal("CompletionEvidence", Assert.Single(noEvidence.Errors).Field);
        var done = await Live(l => l.RecordActionUpdateAtMeetingAsync(meeting, open.Id, Housing, new ActionUpdateInput(ActionStatus.Done, "Locks changed", "Locksmith invoice 12", 1)));
        Assert.True(done.Succeeded, string.Join("; ", done.Errors));
        var changed = await Live(l => l.RecordActionUpdateAtMeetingAsync(meeting, progressing.Id, Org.Agency,
            new ActionUpdateInput(ActionStatus.NotDoneCircumstancesChanged, "He moved out of the area", null, 1)));
        Assert.True(changed.Succeeded, string.Join("; ", changed.Errors));
        var stale = await Live(l => l.RecordActionUpdateAtMeetingAsync(meeting, progressing.Id, Org.Agency, new ActionUpdateInput(ActionStatus.NotDone, "No", null, 1)));
        Assert.Equal(ActionLog.StaleMessage, Assert.Single(stale.Errors).Message);
        var otherAreas = await Db(db => db.CaseActions.SingleAsync(a => a.SourceId == elsewhereCases[0]));
        var outOfArea = await Live(l => l.RecordActionUpdateAtMeetingAsync(meeting, otherAreas.Id, Org.Agency,
            new ActionUpdateInput(ActionStatus.NotDone, "No", null, 1)));
        Assert.Equal("That action is not one of this area's", Assert.Single(outOfArea.Errors).Message);

        // Finished during this meeting: still on its list, with the new status; the audit says it was given at the meeting.
        var reviewed = await Live(l => l.PreviousActionsAsync(meeting));
        Assert.Equal(ActionStatus.Done, reviewed.Single(a => a.Id == open.Id).Status);
        Assert.Equal(2, await Db(db => db.AuditEvents.CountAsync(e => e.Action == "marac.action-update-recorded" && e.RecordId == Name(meeting) && e.ActorUserId == Coordinator)));

        // The meeting after: only what is still unfinished (the DRAMM action belonged to a case on this agenda, not the next).
        var (next, _) = await MeetingAsync(day: MeetingDay.AddDays(14), cases: 1);
        Assert.Equal([waiting.Id], (await Live(l => l.PreviousActionsAsync(next))).Select(a => a.Id));
        Assert.Empty(await Live(l => l.PreviousActionsAsync(elsewhere)));
    }
}
