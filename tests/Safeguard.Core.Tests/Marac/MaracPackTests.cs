using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Actions;
using Safeguard.Core.Common;
using Safeguard.Core.Dramm;
using Safeguard.Core.Marac;
using Safeguard.Core.Notifications;
using Safeguard.Core.Organisation;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;

namespace Safeguard.Core.Tests.Marac;

/// <summary>The pack built from what was recorded, as a Word document with a page per case, and its release.</summary>
public sealed class MaracPackTests : MaracFixture
{
    /// <summary>A partner referral with a DASH, discussed at Tuesday 1 December's DRAMM (information, an action) and referred on.</summary>
    private async Task<DrammCase> DrammReferredAsync()
    {
        Host.Clock.Set(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        var (referral, _) = await WithVictimAsync(kind: ReferralKind.MaracTransferIn);
        Assert.True((await AssessAsync(referral.Id, 16)).Succeeded);
        var dramm = (await WithAsync<Result<DrammMeeting>, DrammLists>(l => l.PrepareAsync(Org.AreaA, new DateOnly(2026, 12, 1)))).Value!;
        var item = dramm.Cases.Single(c => c.RecordId == referral.Id);
        Host.Clock.Set(new DateTimeOffset(2026, 12, 1, 11, 45, 0, TimeSpan.Zero));
        await Db(async db =>
        {
            db.AgencyInformation.Add(new AgencyInformation { CaseId = item.Id, AgencyId = Org.Agency, Known = true, Involvement = Involvement.Open,
                Summary = "Two call-outs in October (fictional)", RecordedAt = On(12, 1) });
            return await db.SaveChangesAsync();
        });
        var action = await WithAsync<Result<CaseAction>, ActionLog>(l => l.AddAsync(new NewAction(ActionSource.DrammCase, item.Id, item.Reference, Org.AreaA,
            Org.Agency, Coordinator, "Check the flag on the address (fictional)", new DateOnly(2026, 12, 8))));
        Assert.True(action.Succeeded, string.Join("; ", action.Errors));
        var outcome = await WithAsync<Result<DrammCase>, DrammOutcomes>(o => o.RecordAsync(item.Id,
            new OutcomeInput(true, true, RiskLevel.High, "Strangulation last week (fictional)", MaracDecision.FullDiscussion, "Visible high risk", item.Version)));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
        return item;
    }

    [Fact]
    public async Task The_pack_opens_in_word_with_the_cover_the_agenda_and_a_page_per_case_with_its_referral_dash_and_dramm_notes()
    {
        var item = await DrammReferredAsync();
        await ReferAsync("CL000123", MaracCategory.ClaresLaw, On(11, 28), source: MaracReferralSource.ClaresLaw);
        await Db(async db =>
        {
            db.MaracInvitedAgencies.Add(new MaracInvitedAgency { AreaId = Org.AreaA, AgencyId = Org.Agency });
            return await db.SaveChangesAsync();
        });
        await UserAsync("Robin Rep", Org.Agency, Org.AreaA, Roles.AgencyRepresentative);
        await UserAsync("Terry Leader", Org.Agency, Org.AreaA, Roles.TeamLeader);
        var meeting = await SetUpAsync(Thursday);
        await BuildAsync(meeting.Id);

        var pack = await WithAsync<MaracPackContent, MaracPackReader>(r => r.ReadAsync(meeting.Id));
        var bytes = MaracPackDocx.Build(pack);

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var text = body.InnerText;
        Assert.Equal(2, body.Descendants<Break>().Count(b => b.Type?.Value == BreakValues.Page));
        Assert.Contains(MaracPackContent.ConfidentialityLine, text);
        Assert.Equal(["Testshire Police (Robin Rep)"], pack.Invited);
        Assert.Contains("Invited agencies: Testshire Police (Robin Rep).", text);
        Assert.Contains("Area A", text);
        Assert.Contains("1. CL000123: Clare's Law disclosure (information only)", text);
        Assert.Contains($"2. {item.Reference}: Full discussion", text);
        Assert.Contains("Vicky Testcase, born 5 May 1990", text);
        Assert.Contains("Northtown Housing (fictional) (Housing officer)", text);
        Assert.Contains("Two call-outs in October (fictional)", text);
        Assert.Contains("Strangulation last week (fictional)", text);
        Assert.Contains("Check the flag on the address (fictional)", text);
        var dash = pack.Agenda[1].Sections.Single(s => s.Heading == "Risk assessment (DASH)");
        Assert.Equal("16", dash.Rows.Single(r => r.Label == "\"Yes\" answers").Value);
        Assert.Equal(ReferralNames.Criteria.Select(ReferralNames.Of), dash.Rows.Skip(2).Select(r => r.Label));
        Assert.Equal(["09:30", "09:35"], pack.Agenda.Select(c => c.StartsAt));
        var agenda = body.Elements<Table>().First();
        Assert.Equal(3, agenda.Elements<TableRow>().Count());
        Assert.Contains("09:35", agenda.InnerText);
    }

    [Fact]
    public async Task Release_tells_the_invited_agencies_people_with_marac_access_in_the_area_and_no_one_else()
    {
        Host.Email.Host = "127.0.0.1";
        Host.Email.AppUrl = "https://safeguard.example.org";
        int housing;
        using (var scope = Host.Scope())
        {
            housing = (await scope.ServiceProvider.GetRequiredService<OrganisationService>().SaveAgencyAsync(null, "Northtown Housing", AgencyKind.Housing, true, 0)).Value!.Id;
        }

        await Db(async db =>
        {
            db.MaracInvitedAgencies.Add(new MaracInvitedAgency { AreaId = Org.AreaA, AgencyId = Org.Agency });
            return await db.SaveChangesAsync();
        });
        var told = await UserAsync("Rep Invited", Org.Agency, Org.AreaA, Roles.AgencyRepresentative);
        var idva = await UserAsync("Idva Invited", Org.Agency, Org.AreaA, Roles.Idva);
        var notInvited = await UserAsync("Rep Housing", housing, Org.AreaA, Roles.AgencyRepresentative);
        var otherArea = await UserAsync("Rep Elsewhere", Org.Agency, Org.AreaB, Roles.AgencyRepresentative);
        var noMarac = await UserAsync("Team Leader", Org.Agency, Org.AreaA, Roles.TeamLeader);
        await ReferAsync("RF000777", MaracCategory.FullDiscussion, On(11, 20));
        var meeting = await SetUpAsync(Thursday);
        await BuildAsync(meeting.Id);

        var released = await WithAsync<Result<MaracMeeting>, MaracPackRelease>(r => r.ReleaseAsync(meeting.Id));
        Assert.True(released.Succeeded, string.Join("; ", released.Errors));

        var notified = await Db(db => db.Notifications.Where(n => n.Kind == NotificationKind.PackReleased).Select(n => n.UserId).ToListAsync());
        Assert.Equal(new[] { told, idva, Coordinator }.Order(), notified.Order());
        Assert.DoesNotContain(notInvited, notified);
        Assert.DoesNotContain(otherArea, notified);
        Assert.DoesNotContain(noMarac, notified);
        var emails = await Db(db => db.OutboundEmails.Where(e => e.Notification!.Kind == NotificationKind.PackReleased).ToListAsync());
        Assert.Equal(3, emails.Count);
        Assert.All(emails, e => Assert.Contains($"/marac/meetings/{meeting.Id}", e.Body));
        Assert.All(emails, e => Assert.DoesNotContain("RF000777", e.Body));
        var audit = await Db(db => db.AuditEvents.SingleAsync(e => e.Action == "marac.pack-released"));
        Assert.Equal(Coordinator, audit.ActorUserId);
    }

    [Fact]
    public async Task The_sweep_releases_built_agendas_whose_deadline_has_passed_and_only_those()
    {
        await ReferAsync("A", MaracCategory.FullDiscussion, On(11, 20));
        var due = await SetUpAsync(Thursday);
        await BuildAsync(due.Id);
        var empty = await SetUpAsync(Thursday.AddDays(14));
        var unbuilt = await SetUpAsync(Thursday.AddDays(28));
        await ReferAsync("B", MaracCategory.FullDiscussion, On(11, 21));

        Host.Clock.Set(new DateTimeOffset(2026, 12, 4, 16, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await WithAsync<int, MaracPackRelease>(r => r.ReleaseDueAsync()));
        await Db(async db =>
        {
            // The later meetings' deadlines brought forward, as if they were due too: an empty agenda and an unbuilt one stay.
            await db.MaracMeetings.Where(m => m.Id == empty.Id || m.Id == unbuilt.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.PackReleaseByUtc, new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)));
            await db.MaracMeetings.Where(m => m.Id == empty.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.AgendaBuiltAt, new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)));
            return 0;
        });
        Host.Clock.Set(new DateTimeOffset(2026, 12, 4, 17, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await WithAsync<int, MaracPackRelease>(r => r.ReleaseDueAsync()));

        var meetings = await Db(db => db.MaracMeetings.OrderBy(m => m.Date).ToListAsync());
        Assert.Equal([true, false, false], meetings.Select(m => m.PackReleasedAt is not null));
        Assert.Null(meetings[0].PackReleasedByUserId);
        Assert.Equal(0, await WithAsync<int, MaracPackRelease>(r => r.ReleaseDueAsync()));
    }

    [Fact]
    public async Task One_sweep_releases_every_meeting_that_is_due_each_in_its_own_write()
    {
        await ReferAsync("A", MaracCategory.FullDiscussion, On(11, 20));
        var first = await SetUpAsync(Thursday);
        await BuildAsync(first.Id);
        await ReferAsync("B", MaracCategory.FullDiscussion, On(11, 21));
        var second = await SetUpAsync(Thursday.AddDays(14));
        await BuildAsync(second.Id);
        await Db(db => db.MaracMeetings.Where(m => m.Id == second.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.PackReleaseByUtc, new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc))));

        Host.Clock.Set(new DateTimeOffset(2026, 12, 4, 17, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, await WithAsync<int, MaracPackRelease>(r => r.ReleaseDueAsync()));
        Assert.True(await Db(db => db.MaracMeetings.AllAsync(m => m.PackReleasedAt != null)));
        Assert.Equal(2, await Db(db => db.AuditEvents.CountAsync(e => e.Action == "marac.pack-released")));
    }

    private async Task<string> UserAsync(string name, int agency, int area, string role)
    {
        using var scope = Host.Scope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(new UserDetails(name, $"{name.Replace(' ', '.').ToLowerInvariant()}@example.org", agency, [area], [role]), null);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        return created.Value!.User.Id;
    }
}
