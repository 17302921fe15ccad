using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures.Documents;

namespace Safeguard.Core.Disclosures;

/// <summary>A template as the settings page lists it.</summary>
public sealed record TemplateSummary(int Id, Scheme Scheme, FileOrigin Kind, string FileName, DateTime UploadedAt, string? UploadedByUserId);

/// <summary>
/// The force's Word templates for the disclosure document and the non-disclosure letter, per scheme. A new
/// upload is checked for unknown or broken placeholders before it replaces the one in use; older versions are
/// kept, inactive, so a document made earlier can still be traced to its template.
/// </summary>
public sealed class DocumentTemplates(SafeguardDbContext db, AuditTrail audit, AuditContext actor, TimeProvider clock)
{
    public static readonly IReadOnlyList<FileOrigin> Kinds = [FileOrigin.DisclosureDocument, FileOrigin.NonDisclosureLetter];

    public static string KindName(FileOrigin kind) => kind switch
    {
        FileOrigin.DisclosureDocument => "disclosure document",
        FileOrigin.NonDisclosureLetter => "non-disclosure letter",
        _ => "attachment",
    };

    /// <summary>"Valid placeholders are: {{Reference}}, {{Scheme}}, ..." for error messages.</summary>
    public static string ValidPlaceholders =>
        "Valid placeholders are: " + string.Join(", ", DefaultDisclosureTemplates.PlaceholderNames.Select(n => "{{" + n + "}}"));

    /// <summary>The template in use for each scheme and kind.</summary>
    public async Task<IReadOnlyList<TemplateSummary>> CurrentAsync(CancellationToken ct = default)
    {
        var active = await db.DocumentTemplates.AsNoTracking().Where(t => t.IsActive)
            .Select(t => new TemplateSummary(t.Id, t.Scheme, t.Kind, t.FileName, t.UploadedAt, t.UploadedByUserId))
            .ToListAsync(ct);
        return active.GroupBy(t => (t.Scheme, t.Kind))
            .Select(g => g.OrderByDescending(t => t.UploadedAt).ThenByDescending(t => t.Id).First())
            .OrderBy(t => t.Scheme).ThenBy(t => t.Kind)
            .ToList();
    }

    public async Task<Result<DocumentTemplate>> UploadTemplateAsync(Scheme? scheme, FileOrigin? kind, string? fileName, byte[]? content,
        CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (scheme is null || !Enum.IsDefined(scheme.Value))
        {
            errors.Add(new("Scheme", "Select the scheme the template is for"));
        }

        if (kind is null || !Kinds.Contains(kind.Value))
        {
            errors.Add(new("Kind", "Select the kind of document"));
        }

        if (content is null || string.IsNullOrEmpty(fileName))
        {
            errors.Add(new("File", "Select a Word document (.docx)"));
        }
        else
        {
            var inspected = FileInspector.Inspect(fileName, content);
            if (!inspected.IsAccepted)
            {
                errors.Add(new("File", inspected.Error!));
            }
            else if (inspected.Kind != FileKind.Docx)
            {
                errors.Add(new("File", "The selected file must be a Word document (.docx)"));
            }
            else
            {
                var check = DocxTemplate.Check(content, DefaultDisclosureTemplates.PlaceholderNames);
                if (!check.IsValid)
                {
                    var placeholderProblem = !check.Errors.Contains(DocxTemplate.NotADocx) && !check.Errors.Contains(DocxTemplate.HasMacros);
                    var message = string.Join(". ", check.Errors.Select(e => e.TrimEnd('.')));
                    errors.Add(new("File", placeholderProblem ? $"{message}. {ValidPlaceholders}" : message));
                }
            }
        }

        if (errors.Count > 0)
        {
            return Result<DocumentTemplate>.Fail(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var write = await audit.BeginAsync(ct);
        var older = await db.DocumentTemplates.Where(t => t.Scheme == scheme && t.Kind == kind && t.IsActive).ToListAsync(ct);
        foreach (var t in older)
        {
            t.IsActive = false;
        }

        var template = new DocumentTemplate
        {
            Scheme = scheme!.Value, Kind = kind!.Value, FileName = SafeFileName.From(fileName), Content = content!,
            UploadedAt = now, UploadedByUserId = actor.ActorUserId,
        };
        db.DocumentTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        write.Record("disclosure.template-uploaded", "DocumentTemplate", template.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            before: new { Replaced = older.Select(t => t.Id).ToList() },
            after: new { Scheme = template.Scheme.ToString(), Kind = template.Kind.ToString(), template.FileName, Length = content!.LongLength });
        await write.CommitAsync(ct);
        return Result<DocumentTemplate>.Ok(template);
    }

    /// <summary>A template's file, for an administrator to download and edit.</summary>
    public Task<DocumentTemplate?> DownloadTemplateAsync(int id, CancellationToken ct = default) =>
        db.DocumentTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
}
