namespace Safeguard.Core.Disclosures;

/// <summary>When an application entered and left a stage: the timeline's spine and the "time in stage" figures.</summary>
public sealed class StagePeriod
{
    public long Id { get; set; }
    public int ApplicationId { get; set; }
    public DisclosureStage Stage { get; set; }
    public DateTime EnteredAt { get; set; }
    public DateTime? LeftAt { get; set; }
    public string? ByUserId { get; set; }
}

/// <summary>Something that happened to an application, for its timeline: a stage recorded, an allocation, a file.</summary>
public sealed class ApplicationEvent
{
    public long Id { get; set; }
    public int ApplicationId { get; set; }
    public DateTime At { get; set; }
    public string? ByUserId { get; set; }
    public required string Title { get; set; }
    public string? Detail { get; set; }
}

/// <summary>A source the CRU checks during research (police systems, probation, social care...): a setting.</summary>
public sealed class ResearchSource
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public bool IsActive { get; set; } = true;
}

public sealed class ResearchCheck
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int SourceId { get; set; }
    public DateOnly CheckedOn { get; set; }
    public CheckResult Result { get; set; }
    public required string Summary { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedByUserId { get; set; }
}

public enum CheckResult
{
    NothingFound,
    InformationFound,
    AwaitingReply,
}

public static class CheckResultNames
{
    public static string Of(CheckResult r) => r switch
    {
        CheckResult.NothingFound => "Nothing found",
        CheckResult.InformationFound => "Information found",
        CheckResult.AwaitingReply => "Awaiting a reply",
        _ => r.ToString(),
    };
}

/// <summary>Why an overdue application is late, and how the people in it are kept safe meanwhile.</summary>
public sealed class DelayRecord
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public required string Reason { get; set; }
    public required string SafeguardingPlan { get; set; }
    public DateTime RecordedAt { get; set; }
    public string? RecordedByUserId { get; set; }
}

/// <summary>A file on an application: an uploaded attachment or a document the product generated.</summary>
public sealed class ApplicationFile
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public FileOrigin Origin { get; set; }

    /// <summary>The research check an attachment supports, if any.</summary>
    public int? ResearchCheckId { get; set; }

    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public DateTime AddedAt { get; set; }
    public string? AddedByUserId { get; set; }
}

public enum FileOrigin
{
    Attachment,
    DisclosureDocument,
    NonDisclosureLetter,
}

/// <summary>A DOCX with placeholders, per scheme and kind of document. The newest active one is used.</summary>
public sealed class DocumentTemplate
{
    public int Id { get; set; }
    public Scheme Scheme { get; set; }
    public FileOrigin Kind { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
    public string? UploadedByUserId { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>An England and Wales bank holiday: shipped as data, editable by administrators, used by working-day clocks.</summary>
public sealed class BankHolidayDate
{
    public DateOnly Date { get; set; }
    public required string Name { get; set; }
}
