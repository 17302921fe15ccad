using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Safeguard.Core.Disclosures.Documents;

/// <summary>
/// One paragraph's text as a single string, mapped back to the <c>w:t</c> elements it came from. Word splits
/// text into runs wherever formatting, spell-check or editing history changes, so a placeholder the user typed
/// in one go is often spread over several runs; only the joined text shows it whole.
/// </summary>
internal sealed class ParagraphText
{
    private readonly List<Text> pieces;
    private readonly int[] starts;
    private readonly int[] lengths;

    public ParagraphText(Paragraph paragraph)
    {
        pieces = OwnDescendants(paragraph).OfType<Text>().ToList();
        starts = new int[pieces.Count];
        lengths = new int[pieces.Count];
        var joined = new StringBuilder();
        for (var i = 0; i < pieces.Count; i++)
        {
            starts[i] = joined.Length;
            lengths[i] = pieces[i].Text.Length;
            joined.Append(pieces[i].Text);
        }

        Text = joined.ToString();
    }

    public string Text { get; }

    /// <summary>
    /// Puts <paramref name="value"/> where the span was. The value goes into the run the span starts in so it
    /// takes that run's formatting; the rest of the span is cut out of the runs it covered. Offsets are those
    /// of the original text, so callers replace from the last span to the first.
    /// </summary>
    public Text Replace(int start, int length, string value)
    {
        var (first, firstOffset) = Locate(start, isEnd: false);
        var (last, lastOffset) = Locate(start + length, isEnd: true);
        var firstPiece = pieces[first];
        if (first == last)
        {
            firstPiece.Text = firstPiece.Text[..firstOffset] + value + firstPiece.Text[lastOffset..];
        }
        else
        {
            firstPiece.Text = firstPiece.Text[..firstOffset] + value;
            for (var i = first + 1; i < last; i++)
                pieces[i].Text = string.Empty;
            pieces[last].Text = pieces[last].Text[lastOffset..];
            KeepSpaces(pieces[last]);
        }

        KeepSpaces(firstPiece);
        return firstPiece;
    }

    /// <summary>The paragraph as a reader sees it: breaks as newlines, tabs as tabs.</summary>
    public static string Plain(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in OwnDescendants(paragraph))
        {
            switch (element)
            {
                case Text t: text.Append(t.Text); break;
                case Break or CarriageReturn: text.Append('\n'); break;
                case TabChar: text.Append('\t'); break;
            }
        }

        return text.ToString();
    }

    // Text boxes hold paragraphs inside a paragraph's runs; those are read as paragraphs of their own.
    private static IEnumerable<OpenXmlElement> OwnDescendants(Paragraph paragraph) =>
        paragraph.Descendants().Where(e => e is not Paragraph && e.Ancestors<Paragraph>().First() == paragraph);

    private (int Piece, int Offset) Locate(int position, bool isEnd)
    {
        for (var i = 0; i < pieces.Count; i++)
        {
            // The original lengths: a later span's replacement may already have changed this piece's text.
            var length = lengths[i];
            var inside = isEnd
                ? position > starts[i] && position <= starts[i] + length
                : position >= starts[i] && position < starts[i] + length;
            if (inside)
                return (i, position - starts[i]);
        }

        throw new ArgumentOutOfRangeException(nameof(position), position, "Outside the paragraph's text.");
    }

    // Without xml:space="preserve" Word drops the spaces either side of a value.
    private static void KeepSpaces(Text piece) => piece.Space = SpaceProcessingModeValues.Preserve;
}
