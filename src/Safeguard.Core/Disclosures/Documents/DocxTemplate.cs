using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Safeguard.Core.Disclosures.Documents;

/// <summary>
/// Word templates whose <c>{{Name}}</c> placeholders are filled from a case. Administrators edit these in
/// Word, so everything here copes with Word's habit of splitting typed text across runs.
/// </summary>
public static class DocxTemplate
{
    public const string NotADocx = "The file is not a Word document (.docx)";
    public const string HasMacros = "The file is a macro-enabled Word document; save it as a Word Document (.docx) without macros";

    /// <summary>Distinct placeholder names in the order a reader meets them (headers, body, footers).</summary>
    public static IReadOnlyList<string> PlaceholdersIn(byte[] docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        if (!WordPackage.TryRead(docx, d => Scan(d, problems: null), out var names, out _))
            throw new ArgumentException(NotADocx, nameof(docx));
        return names;
    }

    public static TemplateCheck Check(byte[] docx, IReadOnlyCollection<string> validNames)
    {
        ArgumentNullException.ThrowIfNull(docx);
        ArgumentNullException.ThrowIfNull(validNames);
        var problems = new List<string>();
        if (!WordPackage.TryRead(docx, d => Scan(d, problems), out var names, out var hasMacros))
            return new TemplateCheck([], [NotADocx]);
        if (hasMacros)
            return new TemplateCheck(names, [HasMacros]);

        var valid = new HashSet<string>(validNames, StringComparer.Ordinal);
        var unknown = names.Where(n => !valid.Contains(n)).ToList();
        var errors = new List<string>();
        if (unknown.Count > 0)
            errors.Add("Unknown placeholders: " + string.Join(", ", unknown.Select(n => "{{" + n + "}}")));
        errors.AddRange(problems.Distinct(StringComparer.Ordinal));
        return new TemplateCheck(names, errors);
    }

    /// <summary>
    /// A new document with every well-formed placeholder replaced by its value (a missing value leaves it blank).
    /// Values are stored as text, never markup, and their line breaks become Word line breaks.
    /// </summary>
    public static byte[] Fill(byte[] templateDocx, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(templateDocx);
        ArgumentNullException.ThrowIfNull(values);
        using var stream = new MemoryStream();
        stream.Write(templateDocx);
        try
        {
            using var document = WordPackage.Open(stream, isEditable: true);
            if (!WordPackage.IsWordDocument(document) || WordPackage.HasMacros(document))
                throw new ArgumentException(NotADocx, nameof(templateDocx));
            var filled = new List<Text>();
            foreach (var paragraph in WordPackage.Paragraphs(document).ToList())
                filled.AddRange(FillParagraph(paragraph, values));
            foreach (var piece in filled.Distinct())
                SplitLines(piece);
        }
        catch (Exception e) when (WordPackage.IsUnreadable(e) && e is not ArgumentException)
        {
            throw new ArgumentException(NotADocx, nameof(templateDocx), e);
        }

        return stream.ToArray();
    }

    /// <summary>Plain text, one line per paragraph: headers, body, then footers.</summary>
    public static string TextOf(byte[] docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        if (!WordPackage.TryRead(docx, d => string.Join('\n', WordPackage.Paragraphs(d).Select(ParagraphText.Plain)), out var text, out _))
            throw new ArgumentException(NotADocx, nameof(docx));
        return text;
    }

    private static List<string> Scan(WordprocessingDocument document, ICollection<string>? problems) =>
        WordPackage.Paragraphs(document)
            .SelectMany(p => PlaceholderSyntax.Tokens(new ParagraphText(p).Text, problems))
            .Select(t => t.Name)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<Text> FillParagraph(Paragraph paragraph, IReadOnlyDictionary<string, string> values)
    {
        var text = new ParagraphText(paragraph);
        var tokens = PlaceholderSyntax.Tokens(text.Text);
        // From the last to the first, so the offsets of those still to do are untouched.
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            var token = tokens[i];
            var value = values.TryGetValue(token.Name, out var v) ? Clean(v) : string.Empty;
            yield return text.Replace(token.Start, token.Length, value);
        }
    }

    // Characters XML cannot hold would make the saved document unreadable, so they are dropped.
    private static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return string.Empty;
        var lines = value.ReplaceLineEndings("\n");
        var kept = new System.Text.StringBuilder(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i + 1 < lines.Length && XmlConvert.IsXmlSurrogatePair(lines[i + 1], lines[i]))
            {
                kept.Append(lines, i, 2);
                i++;
            }
            else if (XmlConvert.IsXmlChar(lines[i]))
            {
                kept.Append(lines[i]);
            }
        }

        return kept.ToString();
    }

    /// <summary>Turns the newlines a value brought into <c>w:br</c> line breaks inside the same run.</summary>
    private static void SplitLines(Text piece)
    {
        if (!piece.Text.Contains('\n', StringComparison.Ordinal))
            return;
        var lines = piece.Text.Split('\n');
        piece.Text = lines[0];
        DocumentFormat.OpenXml.OpenXmlElement after = piece;
        foreach (var line in lines.Skip(1))
        {
            var lineBreak = new Break();
            after.InsertAfterSelf(lineBreak);
            var next = new Text(line) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve };
            lineBreak.InsertAfterSelf(next);
            after = next;
        }
    }
}
