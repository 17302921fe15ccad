namespace Safeguard.Core.Disclosures.Documents;

/// <summary>The verdict on an uploaded file: what it really is, and the name and type it is safe to store and serve it under.</summary>
public sealed record FileCheck(bool IsAccepted, string? Error, FileKind Kind, string ContentType, string SafeFileName)
{
    internal const string UnknownContentType = "application/octet-stream";

    internal static FileCheck Accepted(FileKind kind, string safeFileName) =>
        new(true, null, kind, FileKinds.ContentType(kind), safeFileName);

    internal static FileCheck Rejected(string error, string safeFileName) =>
        new(false, error, FileKind.Unknown, UnknownContentType, safeFileName);
}
