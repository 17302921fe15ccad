using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Actions;
using Safeguard.Core.Marac;

namespace Safeguard.Web.Tests.Marac;

/// <summary>
/// A closed MARAC written straight to the database, as the agenda and live-meeting pages would leave it: the
/// meeting is moved in time relative to now (the clock runs at real time for sign-in codes). Fictional content.
/// </summary>
public static class MinutesData
{
    public static Task<MaracMeeting> ClosedMeetingAsync(this SafeguardApp app, int area, int[] invited, TimeSpan? startedAgo = null) =>
        app.WithDbAsync(async db =>
        {
            var starts = app.Clock.GetUtcNow().UtcDateTime - (startedAgo ?? TimeSpan.FromDays(2));
            var meeting = new MaracMeeting
            {
                AreaId = area, Date = DateOnly.FromDateTime(starts), StartsAtUtc = starts, PackReleaseByUtc = starts.AddDays(-6), CreatedAt = starts.AddDays(-20),
                AgendaBuiltAt = starts.AddDays(-7), PackReleasedAt = starts.AddDays(-6), OpenedAt = starts, ClosedAt = starts.AddHours(3), Version = 1,
            };
            db.MaracMeetings.Add(meeting);
            await db.SaveChangesAsync();
            db.MaracAttendance.AddRange(invited.Select(a => new MaracAttendance { MeetingId = meeting.Id, AgencyId = a, Status = AttendanceStatus.Present, Representative = "A representative", Version = 1 }));
            await db.SaveChangesAsync();
            return meeting;
        });

    public static Task<MaracCase> CaseAsync(this SafeguardApp app, MaracMeeting meeting, string reference, int position, int? victim = null, bool children = false) =>
        app.WithDbAsync(async db =>
        {
            var referral = new MaracReferral
            {
                AreaId = meeting.AreaId, Source = MaracReferralSource.PartnerReferral, Category = MaracCategory.FullDiscussion, ReferredAt = meeting.StartsAtUtc.AddDays(-10),
                Reference = reference, VictimPersonId = victim, ChildrenLinked = children, MeetingId = meeting.Id, CreatedAt = meeting.StartsAtUtc.AddDays(-10),
            };
            db.MaracReferrals.Add(referral);
            await db.SaveChangesAsync();
            var item = new MaracCase
            {
                MeetingId = meeting.Id, MaracReferralId = referral.Id, Reference = reference, Category = MaracCategory.FullDiscussion, ReferredAt = referral.ReferredAt,
                ChildrenLinked = children, VictimPersonId = victim, Position = position, Minutes = 15, VictimViews = "Wants the locks changed",
                RiskSummary = "High risk; escalating", Version = 1,
            };
            db.MaracCases.Add(item);
            await db.SaveChangesAsync();
            return item;
        });

    public static Task<CaseAction> ActionAsync(this SafeguardApp app, MaracCase item, int area, int agency, string owner, DateOnly due) =>
        app.WithDbAsync(async db =>
        {
            var action = new CaseAction
            {
                Source = ActionSource.MaracCase, SourceId = item.Id, Reference = item.Reference, AreaId = area, OwnerAgencyId = agency, OwnerUserId = owner,
                Description = "Change the locks", DueOn = due, Status = ActionStatus.Open, CreatedAt = DateTime.UtcNow, Version = 1,
            };
            db.CaseActions.Add(action);
            await db.SaveChangesAsync();
            return action;
        });

    /// <summary>The document's paragraphs, read with the Open XML SDK: it fails if the bytes are not a Word document.</summary>
    public static List<string> DocxParagraphs(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
    }

    public static Task<int> CountAsync(this SafeguardApp app, Func<Core.Data.SafeguardDbContext, Task<int>> query) => app.WithDbAsync(query);
}
