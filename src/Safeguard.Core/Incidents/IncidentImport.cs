namespace Safeguard.Core.Incidents;

/// <summary>
/// An uploaded incident file held on the server until the user confirms it: nothing is imported before then. The
/// file is found by an opaque token, never by a counter that could be guessed, and only by the user who uploaded it.
/// Its content is cleared once it is confirmed or discarded, so the personal data lives in one place only.
/// </summary>
public sealed class IncidentImport
{
    public int Id { get; set; }

    /// <summary>32 random hex characters: the import's name in URLs.</summary>
    public required string Token { get; set; }

    public int AgencyId { get; set; }
    public required string UploadedByUserId { get; set; }
    public DateTime UploadedAt { get; set; }
    public required byte[] Content { get; set; }
    public ImportStatus Status { get; set; }
    public int DataRows { get; set; }
    public int GoodRows { get; set; }
    public int BadRows { get; set; }
    public int DuplicateRows { get; set; }
    public int ImportedRows { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int Version { get; set; }
}

public enum ImportStatus
{
    Staged,
    Confirmed,
    Discarded,
}
