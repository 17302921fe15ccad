using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Actions;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Marac;
using Safeguard.Core.Notifications;
using Safeguard.Core.Organisation;
using Safeguard.Tests;

namespace Safeguard.Core.Tests.Marac;

/// <summary>
/// MARAC minutes: made from the record once the meeting is closed, released to the invited agencies and the
/// co-ordinators (in the product and by email, with a link and a reference only), corrected only once released,
/// and every version kept whole.
/// </summary>
public sealed class MinutesTests : IAsyncLifetime
{
    private static readonly DateOnly MeetingDate = new(2026, 11, 26);
    private readonly string _sender = TestSmtp.UniqueSender();
    private CoreHost _host = null!;
    private (int Police, int AreaA, int AreaB) _org;
    private int _housing;
    private int _health;
    private string _coordinator = null!;
    private string _housingRep = null!;
    private string _healthRep = null!;
    private string _southHousing = null!;

    public async Task InitializeAsync()
    {
        _host = await CoreHost.StartAsync();
        _host.Clock.Set(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        _org = await _host.SeedOrganisationAsync();
        using var scope = _host.Scope();
        var organisation = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        _housing = (await organisation.SaveAgencyAsync(null, "Testshire Homes", AgencyKind.Housing, true, 0)).Value!.Id;
        _health = (await organisation.SaveAgencyAsync(null, "Testshire Health", AgencyKind.Health, true, 0)).Value!.Id;
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        async Task<string> User(string name, int agency, int area, string role) =>
            (await users.CreateAsync(new UserDetails(name, $"{name.Replace(' ', '.').ToLowerInvariant()}@example.org", agency, [area], [role]), null)).Value!.User.Id;
        _coordinator = await User("Cora Ordinator", _org.Police, _org.AreaA, Roles.MaracCoordinator);
        _housingRep = await User("Hana Homes", _housing, _org.AreaA, Roles.AgencyRepresentative);
        _healthRep = await User("Hal Health", _health, _org.AreaA, Roles.AgencyRepresentative);
        _southHousing = await User("Sam South", _housing, _org.AreaB, Roles.AgencyRepresentative);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<T> As<T>(string user, Func<MaracMinutes, Task<T>> call)
    {
        using var scope = _host.Scope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = user;
        return await call(scope.ServiceProvider.GetRequiredService<MaracMinutes>());
    }

    private async Task<T> Db<T>(Func<SafeguardDbContext, Task<T>> query)
    {
        using var scope = _host.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>());
    }

    /// <summary>A closed meeting (unless told) with two cases, attendance, information, actions and an earlier action's update.</summary>
    private Task<MaracMeeting> RecordedMeetingAsync(bool closed = true) => Db(async db =>
    {
        var earlierMeeting = await MinutesRecord.MeetingAsync(db, _org.AreaA, MeetingDate.AddDays(-14), [_org.Police, _housing]);
        var earlierCase = await MinutesRecord.CaseAsync(db, earlierMeeting, "MR000001", 1);
        var earlierAction = await MinutesRecord.ActionAsync(db, earlierCase, _org.AreaA, _housing, _housingRep, "Fit a video doorbell", MeetingDate.AddDays(-3));

        var meeting = await MinutesRecord.MeetingAsync(db, _org.AreaA, MeetingDate, [_org.Police, _housing], closed);
        var attendance = await db.MaracAttendance.Where(a => a.MeetingId == meeting.Id).ToListAsync();
        attendance.Single(a => a.AgencyId == _org.Police).Status = AttendanceStatus.Present;
        attendance.Single(a => a.AgencyId == _org.Police).Representative = "DS Lee";
        attendance.Single(a => a.AgencyId == _housing).Status = AttendanceStatus.Apologies;
        attendance.Single(a => a.AgencyId == _housing).WrittenInformation = "Tenancy support continues";
        db.MaracAttendees.Add(new MaracAttendee { MeetingId = meeting.Id, UserId = _coordinator, AgencyId = _org.Police, AcknowledgedAt = meeting.StartsAtUtc });
        db.ActionUpdates.Add(new ActionUpdate { ActionId = earlierAction.Id, At = meeting.StartsAtUtc.AddMinutes(5), Status = ActionStatus.Done, Note = "Doorbell fitted on Tuesday" });
        await db.SaveChangesAsync();

        var second = await MinutesRecord.CaseAsync(db, meeting, "MR000003", 2, category: MaracCategory.InformationOnly);
        var first = await MinutesRecord.CaseAsync(db, meeting, "MR000002", 1, views: "Wants to stay in the home", risk: "High risk of serious harm; escalating", children: true);
        await MinutesRecord.InformationAsync(db, first, _org.Police, "Three call-outs since August");
        await MinutesRecord.InformationAsync(db, first, _housing, null);
        await MinutesRecord.ActionAsync(db, first, _org.Police, _org.Police, _coordinator, "Flag the address for an urgent response", MeetingDate.AddDays(7));
        return meeting;
    });

    private void EmailOn()
    {
        _host.Email.Host = "127.0.0.1";
        _host.Email.Port = TestSmtp.Port;
        _host.Email.Security = EmailSecurity.None;
        _host.Email.From = _sender;
        _host.Email.AppUrl = "https://safeguard.example.org";
    }

    [Fact]
    public async Task Version_1_is_made_from_the_record_only_once_the_meeting_is_closed()
    {
        var meeting = await RecordedMeetingAsync(closed: false);
        var open = await As(_coordinator, m => m.CreateAsync(meeting.Id));
        Assert.Equal(("Minutes", "Close the meeting before making its minutes"), (Assert.Single(open.Errors).Field, open.Errors[0].Message));
        Assert.Equal(0, await Db(db => db.MaracMinutesVersions.CountAsync()));

        await Db(db => db.MaracMeetings.Where(m => m.Id == meeting.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.ClosedAt, meeting.StartsAtUtc.AddHours(2))));
        var made = await As(_coordinator, m => m.CreateAsync(meeting.Id));
        Assert.True(made.Succeeded, string.Join("; ", made.Errors));
        Assert.Equal(1, made.Value!.Number);
        Assert.Null(made.Value.ReleasedAt);

        var text = MinutesRecord.Paragraphs(await Db(db => db.MaracMinutesVersions.Select(v => v.Document).SingleAsync()));
        Assert.Equal("MARAC minutes, 26 November 2026", text[0]);
        Assert.Contains("Area A, 26 November 2026. Version 1.", text);
        Assert.Contains("Present: Testshire Police (DS Lee).", text);
        Assert.Contains("Apologies: Testshire Homes (written information received).", text);
        Assert.Contains("Confidentiality statement acknowledged by the people attending for: Testshire Police (1 person).", text);
        Assert.Contains("MR000001: Fit a video doorbell Owner: Hana Homes, Testshire Homes. Due 23 November 2026. Now: not started.", text);
        Assert.Contains("Update (done): Doorbell fitted on Tuesday", text);
        // Cases in agenda order, each with what the meeting recorded.
        var firstCase = text.IndexOf("1. MR000002: Full discussion");
        Assert.True(firstCase > 0 && firstCase < text.IndexOf("2. MR000003: Information only"));
        Assert.Contains("Children linked: yes.", text);
        Assert.Contains("The victim's views: Wants to stay in the home", text);
        Assert.Contains("Testshire Police: known (open). Three call-outs since August", text);
        Assert.Contains("Testshire Homes: not known.", text);
        Assert.Contains("The chair's risk summary: High risk of serious harm; escalating", text);
        Assert.Contains("Action: Flag the address for an urgent response Owner: Cora Ordinator, Testshire Police. Due 3 December 2026.", text);
        Assert.Equal("None.", text[text.IndexOf("Corrections") + 1]);

        var again = await As(_coordinator, m => m.CreateAsync(meeting.Id));
        Assert.Equal("The minutes have been made already. A new version is made when a correction is accepted", Assert.Single(again.Errors).Message);
        Assert.True(await Db(db => db.AuditEvents.AnyAsync(e => e.Action == "marac.minutes-created" && e.RecordId == meeting.Id.ToString() && e.ActorUserId == _coordinator)));
    }

    [Fact]
    public async Task Release_tells_the_invited_agencies_people_and_the_coordinators_and_the_email_holds_a_link_and_a_reference_only()
    {
        EmailOn();
        var meeting = await RecordedMeetingAsync();
        var early = await As(_coordinator, m => m.ReleaseAsync(meeting.Id));
        Assert.Equal("Make the minutes before releasing them", Assert.Single(early.Errors).Message);
        Assert.True((await As(_coordinator, m => m.CreateAsync(meeting.Id))).Succeeded);

        var released = await As(_coordinator, m => m.ReleaseAsync(meeting.Id));
        Assert.True(released.Succeeded, string.Join("; ", released.Errors));
        var told = await Db(db => db.Notifications.Where(n => n.Kind == NotificationKind.MinutesReleased).ToListAsync());
        // Not the health representative (not invited) nor the housing one of another area.
        Assert.Equal(new[] { _coordinator, _housingRep }.Order(), told.Select(n => n.UserId).Order());
        Assert.All(told, n => Assert.Equal(($"/marac/meetings/{meeting.Id}/minutes", "MARAC 2026-11-26"), (n.Link, n.Reference)));
        Assert.DoesNotContain(_healthRep, told.Select(n => n.UserId));
        Assert.DoesNotContain(_southHousing, told.Select(n => n.UserId));

        using (var scope = _host.Scope())
        {
            Assert.Equal(new EmailOutbox.Round(2, 0), await scope.ServiceProvider.GetRequiredService<EmailOutbox>().SendDueAsync());
        }

        var mail = await TestSmtp.FromAsync(_sender, 2);
        Assert.Equal(["<cora.ordinator@example.org>", "<hana.homes@example.org>"], mail.Select(m => m.RcptTo).Order());
        foreach (var (message, _, _) in mail)
        {
            Assert.Equal("Safeguard: Meeting minutes were released", message.Subject);
            Assert.Contains("Reference: MARAC 2026-11-26", message.TextBody);
            Assert.Contains($"https://safeguard.example.org/marac/meetings/{meeting.Id}/minutes", message.TextBody);
            foreach (var detail in new[] { "MR000002", "doorbell", "call-outs", "stay in the home", "DS Lee" })
            {
                Assert.DoesNotContain(detail, message.TextBody, StringComparison.OrdinalIgnoreCase);
            }

            Assert.Empty(message.Attachments);
        }

        var twice = await As(_coordinator, m => m.ReleaseAsync(meeting.Id));
        Assert.Equal("Version 1 has already been released", Assert.Single(twice.Errors).Message);
        Assert.True(await Db(db => db.AuditEvents.AnyAsync(e => e.Action == "marac.minutes-released" && e.Summary == "MARAC 2026-11-26; version 1; 2 people told")));
    }

    [Fact]
    public async Task A_correction_waits_for_release_and_an_invited_agency_and_accepting_it_makes_a_released_version_2_with_version_1_kept()
    {
        var meeting = await RecordedMeetingAsync();
        Assert.True((await As(_coordinator, m => m.CreateAsync(meeting.Id))).Succeeded);
        var early = await As(_housingRep, m => m.ProposeCorrectionAsync(meeting.Id, _housing, "Our worker is Jo, not Joe"));
        Assert.Equal(("Text", MaracMinutes.NotReleasedMessage), (Assert.Single(early.Errors).Field, early.Errors[0].Message));
        Assert.True((await As(_coordinator, m => m.ReleaseAsync(meeting.Id))).Succeeded);

        var uninvited = await As(_healthRep, m => m.ProposeCorrectionAsync(meeting.Id, _health, "Add our information"));
        Assert.Equal("Only the people of an agency invited to the meeting can propose a correction", Assert.Single(uninvited.Errors).Message);
        var empty = await As(_housingRep, m => m.ProposeCorrectionAsync(meeting.Id, _housing, "   "));
        Assert.Equal(("Text", "Enter the correction you propose"), (Assert.Single(empty.Errors).Field, empty.Errors[0].Message));
        var tooLong = await As(_housingRep, m => m.ProposeCorrectionAsync(meeting.Id, _housing, new string('x', 4001)));
        Assert.Equal("The correction must be 4000 characters or fewer", Assert.Single(tooLong.Errors).Message);
        Assert.Equal(0, await Db(db => db.MaracMinutesCorrections.CountAsync()));

        var proposed = await As(_housingRep, m => m.ProposeCorrectionAsync(meeting.Id, _housing, "Housing's apologies came with a written update on the tenancy"));
        Assert.True(proposed.Succeeded, string.Join("; ", proposed.Errors));
        Assert.Equal((1, CorrectionStatus.Proposed), (proposed.Value!.VersionNumber, proposed.Value.Status));
        var id = proposed.Value.Id;

        var neither = await As(_coordinator, m => m.DecideCorrectionAsync(id, null, null, 1));
        Assert.Equal("Decision", Assert.Single(neither.Errors).Field);
        var stale = await As(_coordinator, m => m.DecideCorrectionAsync(id, true, null, 0));
        Assert.Equal(MaracMinutes.StaleMessage, Assert.Single(stale.Errors).Message);
        var version1 = await Db(db => db.MaracMinutesVersions.Where(v => v.Number == 1).Select(v => v.Document).SingleAsync());

        var accepted = await As(_coordinator, m => m.DecideCorrectionAsync(id, true, "Agreed, thank you", 1));
        Assert.True(accepted.Succeeded, string.Join("; ", accepted.Errors));
        var versions = await Db(db => db.MaracMinutesVersions.OrderBy(v => v.Number).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal(version1, versions[0].Document);
        Assert.NotNull(versions[1].ReleasedAt);
        var text = MinutesRecord.Paragraphs(versions[1].Document);
        Assert.Contains("Area A, 26 November 2026. Version 2.", text);
        Assert.Contains("Version 2: proposed by Testshire Homes on version 1: Housing's apologies came with a written update on the tenancy Co-ordinator: Agreed, thank you", text);
        Assert.DoesNotContain(MinutesRecord.Paragraphs(versions[0].Document), p => p.Contains("written update on the tenancy"));
        Assert.Equal(2, await Db(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.MinutesReleased && n.UserId == _housingRep)));

        var again = await As(_coordinator, m => m.DecideCorrectionAsync(id, false, "No", 2));
        Assert.Equal(MaracMinutes.StaleMessage, Assert.Single(again.Errors).Message);

        var second = (await As(_housingRep, m => m.ProposeCorrectionAsync(meeting.Id, _housing, "Remove the police summary"))).Value!;
        Assert.Equal(2, second.VersionNumber);
        var bare = await As(_coordinator, m => m.DecideCorrectionAsync(second.Id, false, " ", 1));
        Assert.Equal(("Response", "Enter why the correction is refused"), (Assert.Single(bare.Errors).Field, bare.Errors[0].Message));
        var refused = await As(_coordinator, m => m.DecideCorrectionAsync(second.Id, false, "The police summary is what was said", 1));
        Assert.True(refused.Succeeded, string.Join("; ", refused.Errors));
        Assert.Equal(2, await Db(db => db.MaracMinutesVersions.CountAsync()));
        var saved = await Db(db => db.MaracMinutesCorrections.SingleAsync(c => c.Id == second.Id));
        Assert.Equal((CorrectionStatus.Refused, "The police summary is what was said", (int?)null), (saved.Status, saved.Response, saved.AcceptedIntoVersion));

        foreach (var action in new[] { "marac.correction-proposed", "marac.correction-accepted", "marac.correction-refused" })
        {
            Assert.True(await Db(db => db.AuditEvents.AnyAsync(e => e.Action == action)), action);
        }

        Assert.False(await Db(db => db.AuditEvents.AnyAsync(e => e.Summary != null && e.Summary.Contains("tenancy"))));
    }
}
