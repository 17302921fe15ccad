using System.Text;

namespace Safeguard.Core.Incidents;

/// <summary>One record of the file: the line it starts on (the header is line 1) and its fields.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// The incident file's column layout (docs/incident-import.md) and a small RFC 4180 reader: commas, double quotes
/// around fields that hold commas, quotes or line breaks, "" for a quote inside one. Written here rather than taken
/// from a library so every record knows the line it starts on, which the preview shows the user.
/// </summary>
public static class IncidentCsv
{
    public const string IncidentReference = "incident_reference";
    public const string OccurredAt = "occurred_at";
    public const string ReportedAt = "reported_at";
    public const string Area = "area";
    public const string RiskLevel = "risk_level";
    public const string DashYesCount = "dash_yes_count";
    public const string VictimGivenName = "victim_given_name";
    public const string VictimFamilyName = "victim_family_name";
    public const string VictimDateOfBirth = "victim_date_of_birth";
    public const string PerpetratorGivenName = "perpetrator_given_name";
    public const string PerpetratorFamilyName = "perpetrator_family_name";
    public const string PerpetratorDateOfBirth = "perpetrator_date_of_birth";
    public const string ChildrenLinked = "children_linked";
    public const string ChildrenCount = "children_count";
    public const string VictimConsented = "victim_consented";
    public const string Summary = "summary";
    public const string OfficerCollarNumber = "officer_collar_number";

    /// <summary>Every column, in the documented order. All must be present; the order may differ.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        IncidentReference, OccurredAt, ReportedAt, Area, RiskLevel, DashYesCount,
        VictimGivenName, VictimFamilyName, VictimDateOfBirth, PerpetratorGivenName, PerpetratorFamilyName, PerpetratorDateOfBirth,
        ChildrenLinked, ChildrenCount, VictimConsented, Summary, OfficerCollarNumber,
    ];

    public static string HeaderRow => string.Join(',', Columns);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The file as text, or why it is not UTF-8. Excel's "CSV" (not "CSV UTF-8") saves Windows-1252, whose curly
    /// quotes and pound signs are not valid UTF-8: reading them as UTF-8 would silently change names, so refuse instead.
    /// </summary>
    public static (string? Text, string? Problem) Decode(byte[] content)
    {
        var start = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
        if (content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF)))
        {
            return (null, "The file is UTF-16 text, not UTF-8. Save it as \"CSV UTF-8 (comma delimited)\" and upload it again");
        }

        try
        {
            return (StrictUtf8.GetString(content, start, content.Length - start), null);
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? start + e.Index : FirstInvalid(content, start);
            var line = 1 + content.AsSpan(0, Math.Max(0, Math.Min(at, content.Length))).Count((byte)'\n');
            var bad = at >= 0 && at < content.Length ? $" (byte 0x{content[at]:X2} on line {line})" : "";
            return (null, $"The file is not UTF-8 text{bad}: it may be Windows-1252 (Excel's plain \"CSV\"). "
                + "Save it as \"CSV UTF-8 (comma delimited)\" and upload it again");
        }
    }

    private static int FirstInvalid(byte[] content, int start)
    {
        for (var i = start; i < content.Length; i++)
        {
            if (content[i] >= 0x80)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The records of the text, each with the line it starts on. A quote left open is reported by its line.</summary>
    public static (List<CsvRecord> Records, string? Problem) Read(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var fieldStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    End();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }

        if (inQuotes)
        {
            return (records, $"Line {recordLine}: a quoted field is not closed (a \" is missing)");
        }

        End();
        return (records, null);

        void End()
        {
            if (fieldStarted || field.Length > 0 || fields.Count > 0)
            {
                fields.Add(field.ToString());
                // A line of nothing but commas is an empty row a spreadsheet left behind, not a record.
                if (fields.Any(f => f.Length > 0))
                {
                    records.Add(new CsvRecord(recordLine, fields.ToArray()));
                }
            }

            fields.Clear();
            field.Clear();
            fieldStarted = false;
        }
    }
}
