using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;

namespace Safeguard.Core.Dramm;

/// <summary>
/// What one agency knows about a DRAMM case's people (protocol 2.29–2.36): whether they are known to it, whether
/// that involvement is open or past, and a summary. Recorded by the agency's representative before the meeting
/// (the written information of an agency that cannot attend) or during it; one per agency per case, updated in place.
/// </summary>
public sealed class AgencyInformation
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int AgencyId { get; set; }
    public bool Known { get; set; }
    public Involvement? Involvement { get; set; }
    public string? Summary { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedByUserId { get; set; }
    public int Version { get; set; }
}

public enum Involvement
{
    Open,
    Historic,
}

public sealed record AgencyInformationInput(bool? Known, Involvement? Involvement, string? Summary, int? Version);

/// <summary>Records an agency's information on a case. Whether the user may (their agency, the case open to it) is the page's scope.</summary>
public sealed class AgencyInformationService(SafeguardDbContext db, AuditTrail audit, AuditContext actor, TimeProvider clock)
{
    public const string StaleMessage = "Someone else from your agency changed this information while you were working on it. Check it and try again.";

    public Task<List<AgencyInformation>> ForCaseAsync(int caseId, CancellationToken ct = default) =>
        db.AgencyInformation.AsNoTracking().Where(i => i.CaseId == caseId).ToListAsync(ct);

    public async Task<Result<AgencyInformation>> RecordAsync(int caseId, int agencyId, AgencyInformationInput input, CancellationToken ct = default)
    {
        var (errors, summary) = Check(input.Known, input.Involvement, input.Summary, 4000, "your agency");
        if (errors.Count > 0)
        {
            return Result<AgencyInformation>.Fail(errors);
        }

        var info = await db.AgencyInformation.FirstOrDefaultAsync(i => i.CaseId == caseId && i.AgencyId == agencyId, ct);
        if (info is not null && info.Version != input.Version)
        {
            return Result<AgencyInformation>.Fail(new FieldError("Known", StaleMessage));
        }

        await using var write = await audit.BeginAsync(ct);
        if (info is null)
        {
            info = new AgencyInformation { CaseId = caseId, AgencyId = agencyId };
            db.AgencyInformation.Add(info);
        }

        info.Known = input.Known!.Value;
        info.Involvement = info.Known ? input.Involvement : null;
        info.Summary = summary;
        info.RecordedAt = clock.GetUtcNow().UtcDateTime;
        info.RecordedByUserId = actor.ActorUserId;
        info.Version++;
        var meetingId = await db.DrammCases.Where(c => c.Id == caseId).Select(c => c.MeetingId).FirstAsync(ct);
        write.Record("dramm.agency-information-recorded", "DrammMeeting", meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            summary: $"case {caseId}; agency {agencyId}", after: new { info.Known, Involvement = info.Involvement?.ToString() });
        try
        {
            await write.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<AgencyInformation>.Fail(new FieldError("Known", StaleMessage));
        }
        catch (DbUpdateException) when (input.Version is null)
        {
            // Two first saves from one agency at once: the unique index keeps one; the other is told, not lost silently.
            db.ChangeTracker.Clear();
            return Result<AgencyInformation>.Fail(new FieldError("Known", StaleMessage));
        }

        return Result<AgencyInformation>.Ok(info);
    }

    /// <summary>
    /// What an agency's information needs, at a DRAMM or a MARAC: whether the people are known; if they are, whether
    /// the involvement is open or historic and a summary. <paramref name="whose"/> is "your agency" for the agency's own
    /// people and "the agency" for a co-ordinator recording it for them.
    /// </summary>
    public static (List<FieldError> Errors, string? Summary) Check(bool? known, Involvement? involvement, string? text, int maxLength, string whose)
    {
        var errors = new List<FieldError>();
        var summary = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (known is null)
        {
            errors.Add(new("Known", $"Select whether the people are known to {whose}"));
        }
        else if (known == true)
        {
            if (involvement is null)
            {
                errors.Add(new("Involvement", $"Select whether {whose}'s involvement is open or historic"));
            }

            if (summary is null)
            {
                errors.Add(new("Summary", $"Enter a summary of what {whose} knows"));
            }
        }

        if (summary is not null && summary.Length > maxLength)
        {
            errors.Add(new("Summary", $"The summary must be {maxLength} characters or fewer"));
        }

        return (errors, summary);
    }
}
