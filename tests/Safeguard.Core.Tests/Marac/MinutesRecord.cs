using DocumentFormat.OpenXml.Packaging;
using Safeguard.Core.Actions;
using Safeguard.Core.Data;
using Safeguard.Core.Dramm;
using Safeguard.Core.Marac;

namespace Safeguard.Core.Tests.Marac;

/// <summary>
/// A MARAC's record written straight to the database, as the agenda and live-meeting pages would leave it, so the
/// minutes, reminders and figures are tested on their own. Fictional content only.
/// </summary>
public static class MinutesRecord
{
    public static async Task<MaracMeeting> MeetingAsync(SafeguardDbContext db, int areaId, DateOnly date, int[] invited, bool closed = true)
    {
        var starts = date.ToDateTime(new TimeOnly(9, 30), DateTimeKind.Utc);
        var meeting = new MaracMeeting
        {
            AreaId = areaId, Date = date, StartsAtUtc = starts, PackReleaseByUtc = starts.AddDays(-6), CreatedAt = starts.AddDays(-20),
            AgendaBuiltAt = starts.AddDays(-7), PackReleasedAt = starts.AddDays(-6), OpenedAt = starts, ClosedAt = closed ? starts.AddHours(3) : null, Version = 1,
        };
        db.MaracMeetings.Add(meeting);
        await db.SaveChangesAsync();
        db.MaracAttendance.AddRange(invited.Select(a => new MaracAttendance { MeetingId = meeting.Id, AgencyId = a, Status = AttendanceStatus.NotRecorded, Version = 1 }));
        await db.SaveChangesAsync();
        return meeting;
    }

    public static async Task<MaracCase> CaseAsync(SafeguardDbContext db, MaracMeeting meeting, string reference, int position, int? victim = null,
        bool children = false, MaracCategory category = MaracCategory.FullDiscussion, string? views = null, string? risk = null)
    {
        var referral = new MaracReferral
        {
            AreaId = meeting.AreaId, Source = MaracReferralSource.PartnerReferral, Category = category, ReferredAt = meeting.StartsAtUtc.AddDays(-10),
            Reference = reference, VictimPersonId = victim, ChildrenLinked = children, MeetingId = meeting.Id, CreatedAt = meeting.StartsAtUtc.AddDays(-10),
        };
        db.MaracReferrals.Add(referral);
        await db.SaveChangesAsync();
        var item = new MaracCase
        {
            MeetingId = meeting.Id, MaracReferralId = referral.Id, Reference = reference, Category = category, ReferredAt = referral.ReferredAt,
            ChildrenLinked = children, VictimPersonId = victim, Position = position, Minutes = 15, VictimViews = views, RiskSummary = risk, Version = 1,
        };
        db.MaracCases.Add(item);
        await db.SaveChangesAsync();
        return item;
    }

    public static async Task InformationAsync(SafeguardDbContext db, MaracCase item, int agency, string? summary)
    {
        db.MaracCaseInformation.Add(new MaracCaseInformation
        {
            CaseId = item.Id, AgencyId = agency, Known = summary is not null, Involvement = summary is null ? null : Involvement.Open, Summary = summary,
            RecordedAt = DateTime.UtcNow, Version = 1,
        });
        await db.SaveChangesAsync();
    }

    public static async Task<CaseAction> ActionAsync(SafeguardDbContext db, MaracCase item, int areaId, int agency, string owner, string description, DateOnly due,
        ActionStatus status = ActionStatus.Open)
    {
        var action = new CaseAction
        {
            Source = ActionSource.MaracCase, SourceId = item.Id, Reference = item.Reference, AreaId = areaId, OwnerAgencyId = agency, OwnerUserId = owner,
            Description = description, DueOn = due, Status = status, CreatedAt = DateTime.UtcNow, Version = 1,
        };
        db.CaseActions.Add(action);
        await db.SaveChangesAsync();
        return action;
    }

    /// <summary>The document's text, paragraph by paragraph, read back with the Open XML SDK.</summary>
    public static List<string> Paragraphs(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
    }
}
