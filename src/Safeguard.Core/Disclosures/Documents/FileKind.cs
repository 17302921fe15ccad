namespace Safeguard.Core.Disclosures.Documents;

/// <summary>The kinds of evidence file a case accepts. <see cref="Unknown"/> is only ever on a rejected file.</summary>
public enum FileKind
{
    Unknown = 0,
    Pdf,
    Png,
    Jpeg,
    Gif,
    Docx,
    Xlsx,
    Email,
}
