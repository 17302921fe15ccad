using System.Text;
using Safeguard.Core.Incidents;
using Safeguard.Core.People;

namespace Safeguard.Core.Tests.Incidents;

/// <summary>Reading the file: good rows, each kind of bad row with its line and reason, and files refused whole. No database.</summary>
public sealed class IncidentFileTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);
    private static readonly IncidentRules Rules = new(new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["Area A"] = 1, ["Area B"] = 2 },
        new HashSet<int> { 1 }, Now);

    private static ParsedFile Parse(params string[] rows) =>
        IncidentFile.Parse(Encoding.UTF8.GetBytes(IncidentCsv.HeaderRow + "\r\n" + string.Join("\r\n", rows)), Rules);

    private static string Row(string reference, params (string Column, string Value)[] changes) => IncidentRows.Row(reference, changes);

    [Fact]
    public void Good_rows_are_read_with_uk_times_as_utc_and_people_named()
    {
        var parsed = Parse(Row("WY-1"), Row("WY-2", (IncidentCsv.PerpetratorGivenName, ""), (IncidentCsv.PerpetratorFamilyName, ""), (IncidentCsv.PerpetratorDateOfBirth, ""),
            (IncidentCsv.ChildrenLinked, "no"), (IncidentCsv.ChildrenCount, ""), (IncidentCsv.RiskLevel, "Medium"), (IncidentCsv.DashYesCount, "")));
        Assert.Null(parsed.FileProblem);
        Assert.Empty(parsed.Bad);
        Assert.Equal(2, parsed.DataRows);
        var first = parsed.Good[0];
        Assert.Equal(2, first.Line);
        Assert.Equal(new DateTime(2026, 11, 29, 22, 15, 0, DateTimeKind.Utc), first.Incident.OccurredAt);
        Assert.Equal(RiskLevel.High, first.Incident.RiskLevel);
        Assert.Equal(new IncidentPerson("Testa", "Fictional", new DateOnly(1990, 3, 27)), first.Incident.Victim);
        Assert.Equal("Verbal argument, \"pushed\", neighbours called police", first.Incident.Summary);
        Assert.Null(parsed.Good[1].Incident.Perpetrator);
        Assert.Equal(RiskLevel.Medium, parsed.Good[1].Incident.RiskLevel);
    }

    [Fact]
    public void Summer_times_are_read_as_british_summer_time()
    {
        var parsed = Parse(Row("WY-1", (IncidentCsv.OccurredAt, "2026-07-01 10:00"), (IncidentCsv.ReportedAt, "2026-07-01T10:30:00Z")));
        Assert.Equal(new DateTime(2026, 7, 1, 9, 0, 0, DateTimeKind.Utc), parsed.Good[0].Incident.OccurredAt);
        Assert.Equal(new DateTime(2026, 7, 1, 10, 30, 0, DateTimeKind.Utc), parsed.Good[0].Incident.ReportedAt);
    }

    [Theory]
    [InlineData(IncidentCsv.OccurredAt, "29/11/2026 22:15", "occurred_at: When the incident happened must be a date and time like 2026-11-27 22:15 (UK time)")]
    [InlineData(IncidentCsv.OccurredAt, "2026-12-25 10:00", "occurred_at: When the incident happened must not be in the future")]
    [InlineData(IncidentCsv.OccurredAt, "2026-03-29 01:30", "did not happen in the UK (the clocks went forward)")]
    [InlineData(IncidentCsv.ReportedAt, "2026-11-29 20:00", "reported_at: The incident cannot have been reported before it happened")]
    [InlineData(IncidentCsv.RiskLevel, "very high", "risk_level: The risk level must be standard, medium or high: \"very high\" is not")]
    [InlineData(IncidentCsv.RiskLevel, "", "risk_level: Enter the risk level")]
    [InlineData(IncidentCsv.Area, "Atlantis", "area: \"Atlantis\" is not an area in Safeguard")]
    [InlineData(IncidentCsv.Area, "Area B", "area: The area must be one of your areas")]
    [InlineData(IncidentCsv.DashYesCount, "28", "dash_yes_count: The DASH yes count must be a whole number from 0 to 27")]
    [InlineData(IncidentCsv.VictimFamilyName, "", "victim_family_name: Enter the victim's last name")]
    [InlineData(IncidentCsv.VictimDateOfBirth, "1990-02-30", "victim_date_of_birth: The victim's date of birth must be a date like 1990-03-27")]
    [InlineData(IncidentCsv.VictimDateOfBirth, "2027-01-01", "victim_date_of_birth: The victim's date of birth must be today or in the past")]
    [InlineData(IncidentCsv.PerpetratorGivenName, "", "perpetrator_given_name: Enter the perpetrator's first name")]
    [InlineData(IncidentCsv.ChildrenLinked, "maybe", "children_linked: Say whether children are linked: yes or no")]
    [InlineData(IncidentCsv.VictimConsented, "", "victim_consented: Say whether the victim consented to sharing: yes or no")]
    [InlineData(IncidentCsv.Summary, "", "summary: Enter a short summary of the incident")]
    [InlineData(IncidentCsv.OfficerCollarNumber, "", "officer_collar_number: Enter the officer's collar number")]
    [InlineData(IncidentCsv.IncidentReference, "WY 1", "incident_reference: The incident reference must contain only letters")]
    public void A_bad_value_refuses_its_row_naming_the_line_column_and_reason(string column, string value, string reason)
    {
        var parsed = Parse(Row("WY-1"), Row("WY-2", (column, value)), Row("WY-3"));
        Assert.Equal(2, parsed.Good.Count);
        var bad = Assert.Single(parsed.Bad);
        Assert.Equal(3, bad.Line);
        Assert.Contains(bad.Reasons, r => r.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Children_linked_no_with_a_count_is_refused()
    {
        var parsed = Parse(Row("WY-1", (IncidentCsv.ChildrenLinked, "no"), (IncidentCsv.ChildrenCount, "2")));
        Assert.Contains("children_count: The number of children must be blank or 0 when no children are linked", Assert.Single(parsed.Bad).Reasons);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_values_is_refused_and_lines_count_quoted_line_breaks()
    {
        var parsed = Parse(Row("WY-1", (IncidentCsv.Summary, "Two\nlines")), "WY-2,too,few", Row("WY-3"));
        Assert.Equal([2, 5], parsed.Good.Select(g => g.Line));
        var bad = Assert.Single(parsed.Bad);
        Assert.Equal(4, bad.Line);
        Assert.Equal("The row has 3 values but the header has 17 columns", Assert.Single(bad.Reasons));
    }

    [Fact]
    public void A_reference_twice_in_the_file_is_refused_the_second_time()
    {
        var parsed = Parse(Row("WY-1"), Row("WY-2"), Row("wy-1"));
        Assert.Equal(2, parsed.Good.Count);
        var bad = Assert.Single(parsed.Bad);
        Assert.Equal(4, bad.Line);
        Assert.Contains("is already on line 2 of this file", Assert.Single(bad.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_and_unknown_columns_refuse_the_file_naming_them()
    {
        var header = string.Join(',', IncidentCsv.Columns.Where(c => c is not IncidentCsv.RiskLevel and not IncidentCsv.Summary).Append("notes"));
        var parsed = IncidentFile.Parse(Encoding.UTF8.GetBytes(header + "\n"), Rules);
        Assert.NotNull(parsed.FileProblem);
        Assert.Contains("missing the columns risk_level, summary", parsed.FileProblem, StringComparison.Ordinal);
        Assert.Contains("does not know: notes", parsed.FileProblem, StringComparison.Ordinal);
        Assert.Empty(parsed.Good);
    }

    [Fact]
    public void A_windows_1252_file_is_refused_naming_the_encoding()
    {
        // "Zoë" and a pound sign as Excel's plain CSV writes them: single bytes that are not UTF-8.
        var text = IncidentCsv.HeaderRow + "\n" + Row("WY-1", (IncidentCsv.VictimGivenName, "Zo\u00EB"), (IncidentCsv.Summary, "Damage \u00A3200"));
        var parsed = IncidentFile.Parse(Encoding.Latin1.GetBytes(text), Rules);
        Assert.NotNull(parsed.FileProblem);
        Assert.Contains("not UTF-8", parsed.FileProblem, StringComparison.Ordinal);
        Assert.Contains("Windows-1252", parsed.FileProblem, StringComparison.Ordinal);
        Assert.Contains("line 2", parsed.FileProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf8_file_with_a_byte_order_mark_and_accents_is_read()
    {
        var text = IncidentCsv.HeaderRow + "\n" + Row("WY-1", (IncidentCsv.VictimGivenName, "Zo\u00EB"));
        var parsed = IncidentFile.Parse([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)], Rules);
        Assert.Null(parsed.FileProblem);
        Assert.Equal("Zo\u00EB", Assert.Single(parsed.Good).Incident.Victim.GivenName);
    }

    [Fact]
    public void An_unclosed_quote_refuses_the_file_with_its_line()
    {
        var parsed = Parse(Row("WY-1"), "WY-2,\"open");
        Assert.Equal("Line 3: a quoted field is not closed (a \" is missing)", parsed.FileProblem);
    }

    [Fact]
    public void The_documented_example_file_reads_with_no_bad_rows()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Safeguard.slnx")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("The repository root was not found");
        }

        var rules = new IncidentRules(new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["Northtown (demo)"] = 1, ["Southvale (demo)"] = 2 },
            new HashSet<int> { 1, 2 }, Now);
        var parsed = IncidentFile.Parse(File.ReadAllBytes(Path.Combine(root, "docs", "examples", "incidents-example.csv")), rules);
        Assert.Null(parsed.FileProblem);
        Assert.Empty(parsed.Bad);
        Assert.Equal(3, parsed.Good.Count);
    }
}
