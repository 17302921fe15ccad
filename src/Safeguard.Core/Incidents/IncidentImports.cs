using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;

namespace Safeguard.Core.Incidents;

/// <summary>Who is importing: their id, their force (agency) and the areas they may record incidents in.</summary>
public sealed record Importer(string UserId, int AgencyId, IReadOnlySet<int> AreaIds);

/// <summary>What the preview shows: the file's refusal, or its bad rows, the rows already recorded and how many are good.</summary>
public sealed record ImportPreview(IncidentImport Import, string? FileProblem, int DataRows, int ToImport,
    IReadOnlyList<RowProblem> Bad, IReadOnlyList<RowProblem> AlreadyRecorded);

/// <summary>What a confirmed import did.</summary>
public sealed record ImportOutcome(int Imported, int AlreadyRecorded, int Refused);

/// <summary>
/// The CSV import: upload (held on the server, nothing imported), preview (every bad row with its line and reason,
/// and the rows already recorded), then confirm (only the good rows are saved, all in one transaction) or discard.
/// </summary>
public sealed class IncidentImports(SafeguardDbContext db, AuditTrail audit, IncidentRecorder recorder, TimeProvider clock)
{
    /// <summary>About 200,000 rows of a typical export; more than a day's incidents for any force.</summary>
    public const int MaxBytes = 50 * 1024 * 1024;

    /// <summary>How long an upload waits for its confirm: a day's incidents are triaged the same day.</summary>
    public static readonly TimeSpan HeldFor = TimeSpan.FromHours(24);

    public const string NotFoundMessage = "This upload was not found, or it has already been imported or discarded. Upload the file again";

    /// <summary>The rules for this importer, now: areas by name (any active area), and the areas they may record in.</summary>
    public async Task<IncidentRules> RulesAsync(Importer importer, CancellationToken ct = default)
    {
        var areas = await db.Areas.AsNoTracking().Where(a => a.IsActive).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in areas)
        {
            byName.TryAdd(a.Name.Trim(), a.Id);
        }

        var active = areas.Select(a => a.Id).ToHashSet();
        return new IncidentRules(byName, importer.AreaIds.Where(active.Contains).ToHashSet(), clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Holds the file for preview if it can be read at all; a file-wide problem is an error on the upload field.</summary>
    public async Task<Result<IncidentImport>> StageAsync(byte[] content, Importer importer, CancellationToken ct = default)
    {
        if (content.Length == 0)
        {
            return Result<IncidentImport>.Fail(new FieldError("File", "The selected file is empty"));
        }

        if (content.Length > MaxBytes)
        {
            return Result<IncidentImport>.Fail(new FieldError("File", "The selected file must be smaller than 50 MB. Split the export into smaller files"));
        }

        var parsed = IncidentFile.Parse(content, await RulesAsync(importer, ct));
        if (parsed.FileProblem is not null)
        {
            return Result<IncidentImport>.Fail(new FieldError("File", parsed.FileProblem));
        }

        if (parsed.DataRows == 0)
        {
            return Result<IncidentImport>.Fail(new FieldError("File", "The file has a header row but no incidents"));
        }

        // Uploads nobody confirmed are thrown away here, so held personal data does not outlive its day.
        var stale = clock.GetUtcNow().UtcDateTime - HeldFor;
        await db.IncidentImports.Where(i => i.Status == ImportStatus.Staged && i.UploadedAt < stale)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Discarded).SetProperty(i => i.Content, []), ct);

        var import = new IncidentImport
        {
            Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            AgencyId = importer.AgencyId,
            UploadedByUserId = importer.UserId,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            Content = content,
            Status = ImportStatus.Staged,
            DataRows = parsed.DataRows,
            GoodRows = parsed.Good.Count,
            BadRows = parsed.Bad.Count,
            Version = 1,
        };
        await using var write = await audit.BeginAsync(ct);
        db.IncidentImports.Add(import);
        await db.SaveChangesAsync(ct);
        write.Record("incident.import-uploaded", "IncidentImport", Id(import.Id),
            after: new { import.DataRows, import.GoodRows, import.BadRows, Bytes = content.Length });
        await write.CommitAsync(ct);
        return Result<IncidentImport>.Ok(import);
    }

    /// <summary>The staged import, if it is this user's and still waiting: null otherwise (the page answers 404).</summary>
    public Task<IncidentImport?> FindStagedAsync(string? token, string userId, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().UtcDateTime - HeldFor;
        return token is null || token.Length != 32
            ? Task.FromResult<IncidentImport?>(null)
            : db.IncidentImports.FirstOrDefaultAsync(i => i.Token == token && i.UploadedByUserId == userId && i.Status == ImportStatus.Staged
                && i.UploadedAt >= since, ct);
    }

    public async Task<ImportPreview?> PreviewAsync(string? token, Importer importer, CancellationToken ct = default)
    {
        var import = await FindStagedAsync(token, importer.UserId, ct);
        if (import is null)
        {
            return null;
        }

        var parsed = IncidentFile.Parse(import.Content, await RulesAsync(importer, ct));
        var existing = await recorder.ExistingAsync(import.AgencyId, parsed.Good.Select(g => g.Incident.IncidentReference), ct);
        var already = parsed.Good.Where(g => existing.ContainsKey(g.Incident.IncidentReference))
            .Select(g => new RowProblem(g.Line, g.Incident.IncidentReference, [$"Incident reference {g.Incident.IncidentReference} is already recorded: this row will not be imported again"]))
            .ToList();
        await audit.RecordAsync("incident.import-previewed", "IncidentImport", Id(import.Id),
            summary: string.Create(CultureInfo.InvariantCulture, $"{parsed.Good.Count - already.Count} to import, {parsed.Bad.Count} refused, {already.Count} already recorded"), ct: ct);
        return new ImportPreview(import, parsed.FileProblem, parsed.DataRows, parsed.Good.Count - already.Count, parsed.Bad, already);
    }

    /// <summary>Saves the good rows that are not already recorded, in one transaction, and clears the held file.</summary>
    public async Task<Result<ImportOutcome>> ConfirmAsync(string? token, Importer importer, CancellationToken ct = default)
    {
        var rules = await RulesAsync(importer, ct);
        await using var write = await audit.BeginAsync(ct);
        var import = await FindStagedAsync(token, importer.UserId, ct);
        if (import is null)
        {
            return Result<ImportOutcome>.Fail(new FieldError("Confirm", NotFoundMessage));
        }

        // Parsed again, not trusted from the preview: areas, the clock or the database may have moved since.
        var parsed = IncidentFile.Parse(import.Content, rules);
        if (parsed.FileProblem is not null)
        {
            return Result<ImportOutcome>.Fail(new FieldError("Confirm", parsed.FileProblem));
        }

        var existing = await recorder.ExistingAsync(import.AgencyId, parsed.Good.Select(g => g.Incident.IncidentReference), ct);
        var fresh = parsed.Good.Where(g => !existing.ContainsKey(g.Incident.IncidentReference)).Select(g => g.Incident).ToList();
        var importId = import.Id;
        await recorder.RecordAsync(fresh, import.AgencyId, IncidentSource.CsvImport, importId, importer.UserId, write, ct);

        // The recorder cleared the tracker: change the import by a fresh read.
        var done = await db.IncidentImports.FirstAsync(i => i.Id == importId, ct);
        done.Status = ImportStatus.Confirmed;
        done.Content = [];
        done.ImportedRows = fresh.Count;
        done.DuplicateRows = existing.Count;
        done.GoodRows = parsed.Good.Count;
        done.BadRows = parsed.Bad.Count;
        done.FinishedAt = clock.GetUtcNow().UtcDateTime;
        done.Version++;
        db.ChangeTracker.DetectChanges();
        write.Record("incident.import-confirmed", "IncidentImport", Id(importId),
            after: new { Imported = fresh.Count, AlreadyRecorded = existing.Count, Refused = parsed.Bad.Count });
        await write.CommitAsync(ct);
        return Result<ImportOutcome>.Ok(new ImportOutcome(fresh.Count, existing.Count, parsed.Bad.Count));
    }

    public async Task<bool> DiscardAsync(string? token, string userId, CancellationToken ct = default)
    {
        await using var write = await audit.BeginAsync(ct);
        var import = await FindStagedAsync(token, userId, ct);
        if (import is null)
        {
            return false;
        }

        import.Status = ImportStatus.Discarded;
        import.Content = [];
        import.FinishedAt = clock.GetUtcNow().UtcDateTime;
        import.Version++;
        await db.SaveChangesAsync(ct);
        write.Record("incident.import-discarded", "IncidentImport", Id(import.Id));
        await write.CommitAsync(ct);
        return true;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
