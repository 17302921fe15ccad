using Safeguard.Core.Common;

namespace Safeguard.Core.Incidents;

/// <summary>A good row of the file, with the line it is on.</summary>
public sealed record GoodRow(int Line, ValidIncident Incident);

/// <summary>
/// What a file holds: a reason the whole file is refused (not UTF-8, missing columns), or its good and bad rows.
/// A reference seen twice in the file is refused the second time, so one file cannot record an incident twice.
/// </summary>
public sealed record ParsedFile(string? FileProblem, int DataRows, IReadOnlyList<GoodRow> Good, IReadOnlyList<RowProblem> Bad)
{
    public static ParsedFile Refused(string problem) => new(problem, 0, [], []);
}

public static class IncidentFile
{
    public static ParsedFile Parse(byte[] content, IncidentRules rules)
    {
        var (text, encodingProblem) = IncidentCsv.Decode(content);
        if (text is null)
        {
            return ParsedFile.Refused(encodingProblem!);
        }

        var (records, readProblem) = IncidentCsv.Read(text);
        if (readProblem is not null)
        {
            return ParsedFile.Refused(readProblem);
        }

        if (records.Count == 0)
        {
            return ParsedFile.Refused("The file is empty. The first line must be the header row: " + IncidentCsv.HeaderRow);
        }

        var header = records[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var missing = IncidentCsv.Columns.Where(c => !header.Contains(c)).ToList();
        var unknown = header.Where(h => !IncidentCsv.Columns.Contains(h)).Distinct().ToList();
        var repeated = header.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count > 0 || unknown.Count > 0 || repeated.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0)
            {
                parts.Add("the header row is missing the column" + (missing.Count > 1 ? "s " : " ") + string.Join(", ", missing));
            }

            if (unknown.Count > 0)
            {
                parts.Add("it has column" + (unknown.Count > 1 ? "s" : "") + " this import does not know: " + string.Join(", ", unknown.Select(u => u.Length > 40 ? u[..40] : u)));
            }

            if (repeated.Count > 0)
            {
                parts.Add("it names column" + (repeated.Count > 1 ? "s" : "") + " more than once: " + string.Join(", ", repeated));
            }

            return ParsedFile.Refused("The file was not read: " + string.Join("; ", parts) + ". The header row must be: " + IncidentCsv.HeaderRow);
        }

        var index = IncidentCsv.Columns.ToDictionary(c => c, c => header.IndexOf(c));
        var good = new List<GoodRow>();
        var bad = new List<RowProblem>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count != header.Count)
            {
                bad.Add(new RowProblem(record.Line, null,
                    [$"The row has {record.Fields.Count} values but the header has {header.Count} columns"]));
                continue;
            }

            string? F(string column) => record.Fields[index[column]];
            var input = new IncidentInput(
                F(IncidentCsv.IncidentReference), F(IncidentCsv.OccurredAt), F(IncidentCsv.ReportedAt), F(IncidentCsv.Area), null,
                F(IncidentCsv.RiskLevel), F(IncidentCsv.DashYesCount),
                F(IncidentCsv.VictimGivenName), F(IncidentCsv.VictimFamilyName), F(IncidentCsv.VictimDateOfBirth),
                F(IncidentCsv.PerpetratorGivenName), F(IncidentCsv.PerpetratorFamilyName), F(IncidentCsv.PerpetratorDateOfBirth),
                F(IncidentCsv.ChildrenLinked), F(IncidentCsv.ChildrenCount), F(IncidentCsv.VictimConsented), F(IncidentCsv.Summary),
                F(IncidentCsv.OfficerCollarNumber));
            var errors = new List<FieldError>();
            var valid = rules.Check(input, errors);
            var reference = input.IncidentReference?.Trim();
            if (valid is not null && seen.TryGetValue(valid.IncidentReference, out var firstLine))
            {
                errors.Add(new(IncidentCsv.IncidentReference, $"Incident reference {valid.IncidentReference} is already on line {firstLine} of this file"));
                valid = null;
            }

            if (valid is null)
            {
                bad.Add(new RowProblem(record.Line, string.IsNullOrEmpty(reference) || reference.Length > IncidentRules.MaxReference ? null : reference,
                    errors.Select(e => $"{e.Field}: {e.Message}").ToList()));
                continue;
            }

            seen[valid.IncidentReference] = record.Line;
            good.Add(new GoodRow(record.Line, valid));
        }

        return new ParsedFile(null, records.Count - 1, good, bad);
    }
}
