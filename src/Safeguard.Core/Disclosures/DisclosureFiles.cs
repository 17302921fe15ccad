using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures.Documents;
using Safeguard.Core.Organisation;
using Safeguard.Core.People;

namespace Safeguard.Core.Disclosures;

/// <summary>A stored file as it is sent back to a user: its bytes, the type it was checked to be, and its safe name.</summary>
public sealed record StoredFile(int Id, int ApplicationId, FileOrigin Origin, string FileName, string ContentType, byte[] Content);

/// <summary>
/// The files on an application: attachments uploaded during the work (each passes <see cref="FileInspector"/>
/// first) and the disclosure document or non-disclosure letter made from the force's Word template once the
/// decision is recorded. File content never goes into the audit trail; its name, size and hash do.
/// Who may call which method is the page's business, as for <see cref="DisclosureService"/>.
/// </summary>
public sealed class DisclosureFiles(SafeguardDbContext db, AuditTrail audit, AuditContext actor, TimeProvider clock)
{
    public const string WordContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Checks an uploaded file by its content and stores it on an open application.</summary>
    public async Task<Result<ApplicationFile>> AddAttachmentAsync(int applicationId, string? fileName, byte[]? content, int? researchCheckId = null,
        CancellationToken ct = default)
    {
        var app = await db.DisclosureApplications.FirstAsync(a => a.Id == applicationId, ct);
        if (!app.IsOpen)
        {
            return Fail<ApplicationFile>("File", "This application is closed, so no more attachments can be added");
        }

        if (content is null || string.IsNullOrEmpty(fileName))
        {
            return Fail<ApplicationFile>("File", "Select a file");
        }

        var errors = new List<FieldError>();
        var check = FileInspector.Inspect(fileName, content);
        if (!check.IsAccepted)
        {
            errors.Add(new("File", check.Error!));
        }

        if (researchCheckId is int checkId && !await db.ResearchChecks.AnyAsync(c => c.Id == checkId && c.ApplicationId == app.Id, ct))
        {
            errors.Add(new("ResearchCheckId", "Select a check recorded on this application, or none"));
        }

        if (errors.Count > 0)
        {
            return Result<ApplicationFile>.Fail(errors);
        }

        await using var write = await audit.BeginAsync(ct);
        var file = NewFile(app, FileOrigin.Attachment, check.SafeFileName, check.ContentType, content);
        file.ResearchCheckId = researchCheckId;
        db.ApplicationFiles.Add(file);
        await db.SaveChangesAsync(ct);
        Timeline(app, "Attachment added", file.FileName);
        write.Record("disclosure.attachment-added", "DisclosureApplication", Id(app.Id), after: Describe(file));
        await write.CommitAsync(ct);
        return Result<ApplicationFile>.Ok(file);
    }

    /// <summary>
    /// After the decision: the disclosure document (disclose) or the non-disclosure letter (no disclosure), filled
    /// from the newest active template for the scheme and stored on the application under its reference.
    /// </summary>
    public async Task<Result<ApplicationFile>> GenerateDocumentAsync(int applicationId, CancellationToken ct = default)
    {
        var app = await db.DisclosureApplications.Include(a => a.People).FirstAsync(a => a.Id == applicationId, ct);
        if (app.Disclose is not bool disclose)
        {
            return Fail<ApplicationFile>("Document", "The disclosure document or non-disclosure letter can be created only after the decision is recorded");
        }

        var kind = disclose ? FileOrigin.DisclosureDocument : FileOrigin.NonDisclosureLetter;
        var template = await db.DocumentTemplates.AsNoTracking()
            .Where(t => t.Scheme == app.Scheme && t.Kind == kind && t.IsActive)
            .OrderByDescending(t => t.UploadedAt).ThenByDescending(t => t.Id)
            .FirstOrDefaultAsync(ct);
        if (template is null)
        {
            return Fail<ApplicationFile>("Document", $"There is no {DocumentTemplates.KindName(kind)} template for {SchemeNames.Of(app.Scheme)}: ask an administrator to upload one");
        }

        byte[] content;
        try
        {
            content = DocxTemplate.Fill(template.Content, await ValuesAsync(app, ct));
        }
        catch (ArgumentException)
        {
            return Fail<ApplicationFile>("Document", "The template could not be read: ask an administrator to upload it again");
        }

        await using var write = await audit.BeginAsync(ct);
        var file = NewFile(app, kind, $"{app.Reference} {DocumentTemplates.KindName(kind)}.docx", WordContentType, content);
        db.ApplicationFiles.Add(file);
        await db.SaveChangesAsync(ct);
        Timeline(app, disclose ? "Disclosure document created" : "Non-disclosure letter created", file.FileName);
        write.Record("disclosure.document-generated", "DisclosureApplication", Id(app.Id), after: new
        {
            file.Id, Kind = kind.ToString(), TemplateId = template.Id, file.FileName, file.Length, file.Sha256,
        });
        await write.CommitAsync(ct);
        return Result<ApplicationFile>.Ok(file);
    }

    /// <summary>
    /// A file of the application, for download, or null when there is no such file on that application.
    /// Each opening is audited: who fetched which file.
    /// </summary>
    public async Task<StoredFile?> OpenAsync(int applicationId, int fileId, CancellationToken ct = default)
    {
        var file = await db.ApplicationFiles.AsNoTracking()
            .Where(f => f.Id == fileId && f.ApplicationId == applicationId)
            .Select(f => new StoredFile(f.Id, f.ApplicationId, f.Origin, f.FileName, f.ContentType, f.Content))
            .FirstOrDefaultAsync(ct);
        if (file is null)
        {
            return null;
        }

        await audit.RecordAsync("disclosure.file-downloaded", "DisclosureApplication", Id(applicationId),
            after: new { FileId = file.Id, file.FileName, Origin = file.Origin.ToString() }, ct: ct);
        return file;
    }

    /// <summary>Every placeholder's value for an application, as <see cref="DefaultDisclosureTemplates.Placeholders"/> describes them.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ValuesAsync(DisclosureApplication app, CancellationToken ct = default)
    {
        var personIds = app.People.Select(p => p.PersonId).Append(app.RecipientPersonId ?? 0).Where(id => id != 0).Distinct().ToList();
        var names = (await db.PersonNames.AsNoTracking().Where(n => personIds.Contains(n.PersonId))
                .Select(n => new { n.Id, n.PersonId, n.Kind, n.GivenName, n.FamilyName }).ToListAsync(ct))
            .GroupBy(n => n.PersonId)
            .ToDictionary(g => g.Key, g => g.OrderBy(n => n.Kind == NameKind.Current ? 0 : 1).ThenByDescending(n => n.Id)
                .Select(n => $"{n.GivenName} {n.FamilyName}").First());
        string NameOf(int? id) => id is int i && names.TryGetValue(i, out var name) ? name : "";
        string NamesIn(ApplicationRole role) => string.Join(", ", app.People.Where(p => p.Role == role).OrderBy(p => p.Id)
            .Select(p => NameOf(p.PersonId)).Where(n => n.Length > 0).Distinct());

        var force = await db.Agencies.AsNoTracking().Where(a => a.Kind == AgencyKind.Police && a.IsActive)
            .OrderBy(a => a.Id).Select(a => a.Name).FirstOrDefaultAsync(ct);
        var area = await db.Areas.AsNoTracking().Where(a => a.Id == app.AreaId).Select(a => a.Name).FirstOrDefaultAsync(ct);

        // The officer delivering a disclosure; for a letter, whoever is producing it signs it.
        var signerId = app.DisclosureOfficerUserId ?? actor.ActorUserId;
        var signer = signerId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == signerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Reference"] = app.Reference,
            ["Scheme"] = FullSchemeName(app.Scheme),
            ["Route"] = SchemeNames.Of(app.Route),
            ["ForceName"] = force ?? "the police",
            ["AreaName"] = area ?? "",
            ["Today"] = London.Format(London.Today(clock)),
            ["RecipientName"] = NameOf(app.RecipientPersonId),
            ["ApplicantName"] = NamesIn(ApplicationRole.Applicant),
            ["PersonAtRiskName"] = NamesIn(ApplicationRole.PersonAtRisk),
            ["SubjectName"] = NamesIn(ApplicationRole.Subject),
            ["DisclosureWording"] = app.DisclosureWording ?? "",
            ["DecisionDate"] = app.DecidedOn is DateOnly decided ? London.Format(decided) : "",
            ["DeliveredBy"] = signer ?? "",
            ["NoDisclosureReason"] = app.NoDisclosureReason ?? "",
            ["ChildrenNames"] = NamesIn(ApplicationRole.Child),
        };
    }

    /// <summary>The scheme's name in full, as a letter to a member of the public writes it.</summary>
    public static string FullSchemeName(Scheme scheme) => scheme switch
    {
        Scheme.Dvds => "Domestic Violence Disclosure Scheme",
        Scheme.Csods => "Child Sex Offender Disclosure Scheme",
        _ => SchemeNames.Of(scheme),
    };

    private ApplicationFile NewFile(DisclosureApplication app, FileOrigin origin, string fileName, string contentType, byte[] content) => new()
    {
        ApplicationId = app.Id, Origin = origin, FileName = fileName, ContentType = contentType, Length = content.LongLength,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Content = content,
        AddedAt = clock.GetUtcNow().UtcDateTime, AddedByUserId = actor.ActorUserId,
    };

    private static object Describe(ApplicationFile f) => new
    {
        f.Id, Origin = f.Origin.ToString(), f.FileName, f.ContentType, f.Length, f.Sha256, f.ResearchCheckId,
    };

    private void Timeline(DisclosureApplication app, string title, string? detail) =>
        db.ApplicationEvents.Add(new ApplicationEvent { ApplicationId = app.Id, At = clock.GetUtcNow().UtcDateTime, ByUserId = actor.ActorUserId, Title = title, Detail = detail });

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Result<T> Fail<T>(string field, string message) => Result<T>.Fail(new FieldError(field, message));
}
