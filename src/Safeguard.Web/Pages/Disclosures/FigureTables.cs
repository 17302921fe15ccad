using System.Globalization;
using System.Text;
using System.Text.Json;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Reporting;
using Route = Safeguard.Core.Disclosures.Route;

namespace Safeguard.Web.Pages.Disclosures;

/// <summary>A chart drawn from a table's own numbers: the table is the accessible source, the chart a picture of it.</summary>
public sealed record FigureChart(string Type, IReadOnlyList<string> Labels, IReadOnlyList<FigureSeries> Series, bool Stacked = false,
    bool Horizontal = false, string? Unit = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

public sealed record FigureSeries(string Label, IReadOnlyList<double> Data);

/// <summary>One table of the dashboard, exactly as shown and as downloaded: the CSV is made from the same cells.</summary>
public sealed record FigureTable(string Key, string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows,
    FigureChart? Chart = null, bool NumericFromSecondColumn = true);

/// <summary>The dashboard's tables, built from <see cref="DashboardFigures"/>. No applicant or subject is ever named: references and staff names only.</summary>
public static class FigureTables
{
    public const string Volumes = "volumes";
    public const string Outcomes = "outcomes";
    public const string Rationale = "rationale";
    public const string Timeliness = "timeliness";
    public const string Stages = "stages";
    public const string Workload = "workload";
    public const string Waiting = "waiting";
    public const string HomeOffice = "homeoffice";

    public static readonly IReadOnlyList<string> Keys = [Volumes, Outcomes, Rationale, Timeliness, Stages, Workload, Waiting, HomeOffice];

    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    private static readonly (Scheme Scheme, Route Route)[] SchemeRoutes =
        [(Scheme.Dvds, Route.RightToAsk), (Scheme.Dvds, Route.RightToKnow), (Scheme.Csods, Route.RightToAsk), (Scheme.Csods, Route.RightToKnow)];

    public static string SchemeRoute(Scheme scheme, Route route) => $"{SchemeNames.Short(scheme)} {SchemeNames.Of(route)}";

    public static string Number(int value) => value.ToString("N0", Uk);

    public static string Days(double? value) => value is null ? "No data" : value.Value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Percent(double? share) => share is null ? "No data" : (share.Value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", Uk);

    public static FigureTable VolumesTable(VolumeFigures v)
    {
        var rows = v.Months
            .Select(m => (IReadOnlyList<string>)[Month(m), .. SchemeRoutes.Select(k => Number(v.Received(m, k.Scheme, k.Route))), Number(v.Received(m))])
            .Append([ "Total", .. SchemeRoutes.Select(k => Number(v.Received(k.Scheme, k.Route))), Number(v.Total)])
            .ToList();
        var chart = new FigureChart("bar", v.Months.Select(Month).ToList(),
            SchemeRoutes.Select(k => new FigureSeries(SchemeRoute(k.Scheme, k.Route), v.Months.Select(m => (double)v.Received(m, k.Scheme, k.Route)).ToList())).ToList(),
            Stacked: true);
        return new FigureTable(Volumes, "Applications received by month, scheme and route",
            ["Month", .. SchemeRoutes.Select(k => SchemeRoute(k.Scheme, k.Route)), "Total"], rows, chart);
    }

    public static FigureTable OutcomesTable(OutcomeFigures o)
    {
        var rows = Enum.GetValues<DisclosureOutcome>()
            .Select(x => (IReadOnlyList<string>)[OutcomeNames.Of(x), Number(o.Count(x))])
            .Append(["No outcome yet (open)", Number(o.StillOpen)])
            .ToList();
        var chart = new FigureChart("bar", rows.Select(r => r[0]).ToList(),
            [new FigureSeries("Applications", [.. Enum.GetValues<DisclosureOutcome>().Select(x => (double)o.Count(x)), o.StillOpen])], Horizontal: true);
        return new FigureTable(Outcomes, "Outcomes of the applications received in the period", ["Outcome", "Applications"], rows, chart);
    }

    public static FigureTable RationaleTable(OutcomeFigures o) => new(Rationale,
        "Decision records and the parts of the rationale written in them",
        ["Decision", "Decision records", "Lawful", "Necessary", "Proportionate", "Pressing need"],
        [.. new[] { true, false }.Select(d => o.For(d)).Select(r => (IReadOnlyList<string>)
            [r.Disclose ? "Disclose" : "Do not disclose", Number(r.Decisions), Number(r.Lawful), Number(r.Necessary), Number(r.Proportionate), Number(r.PressingNeed)])]);

    public static FigureTable TimelinessTable(IReadOnlyList<TimelinessRow> t)
    {
        var rows = t.Select(r => (IReadOnlyList<string>)
            [SchemeRoute(r.Scheme, r.Route), Number(r.Closed), Number(r.WithinClock), Percent(r.ShareWithinClock), Days(r.MedianDaysToClose)]).ToList();
        var chart = new FigureChart("bar", t.Select(r => SchemeRoute(r.Scheme, r.Route)).ToList(),
            [new FigureSeries("Closed within the clock (%)", t.Select(r => Math.Round((r.ShareWithinClock ?? 0) * 100, 1)).ToList())], Unit: "%");
        return new FigureTable(Timeliness, "Closed applications completed within the clock, and median days from received to closed",
            ["Scheme and route", "Closed", "Closed within the clock", "Share within the clock", "Median days, received to closed"], rows, chart);
    }

    public static FigureTable StagesTable(IReadOnlyList<StageTimeRow> s)
    {
        var rows = s.Select(r => (IReadOnlyList<string>)[StageNames.Of(r.Stage), Number(r.Periods), Days(r.MedianDays)]).ToList();
        var chart = new FigureChart("bar", s.Select(r => StageNames.Of(r.Stage)).ToList(),
            [new FigureSeries("Median days", s.Select(r => Math.Round(r.MedianDays ?? 0, 1)).ToList())], Horizontal: true);
        return new FigureTable(Stages, "Median days in each stage", ["Stage", "Finished stages", "Median days"], rows, chart);
    }

    public static FigureTable WorkloadTable(WorkloadFigures w)
    {
        var rows = w.Owners.Select(o => (IReadOnlyList<string>)[o.OwnerName, Number(o.Open), Number(o.Overdue)])
            .Append(["Unallocated", Number(w.Unallocated), Number(w.UnallocatedOverdue)])
            .ToList();
        var chart = new FigureChart("bar", rows.Select(r => r[0]).ToList(),
            [new FigureSeries("Open applications", [.. w.Owners.Select(o => (double)o.Open), w.Unallocated]),
             new FigureSeries("Overdue", [.. w.Owners.Select(o => (double)o.Overdue), w.UnallocatedOverdue])], Horizontal: true);
        return new FigureTable(Workload, "Open applications per owner now", ["Owner", "Open applications", "Overdue"], rows, chart);
    }

    public static FigureTable WaitingTable(OverdueFigures o) => new(Waiting,
        $"The {DisclosureFigures.LongestWaitingCount} open applications waiting longest",
        ["Reference", "Scheme and route", "Stage", "Received", "Days elapsed", "Owner"],
        [.. o.LongestWaiting.Select(a => (IReadOnlyList<string>)
            [a.Reference, SchemeRoute(a.Scheme, a.Route), StageNames.Of(a.Stage), Infrastructure.Display.Date(a.ReceivedAt), Number(a.DaysElapsed), a.OwnerName ?? "Unallocated"])],
        NumericFromSecondColumn: false);

    public static FigureTable HomeOfficeTable(HomeOfficeFigures h) => new(HomeOffice,
        $"Home Office figures, year ending March {h.YearEndingMarch.ToString(CultureInfo.InvariantCulture)}",
        ["Measure", "Number"],
        [
            ["DVDS Right to Ask: applications", Number(h.DvdsRightToAskApplications)],
            ["DVDS Right to Ask: disclosures", Number(h.DvdsRightToAskDisclosures)],
            ["DVDS Right to Know: applications", Number(h.DvdsRightToKnowApplications)],
            ["DVDS Right to Know: disclosures", Number(h.DvdsRightToKnowDisclosures)],
            ["CSODS: applications", Number(h.CsodsApplications)],
            ["CSODS: applications about a registered sex offender", Number(h.CsodsApplicationsAboutRegisteredSexOffenders)],
            ["CSODS: disclosures", Number(h.CsodsDisclosures)],
        ]);

    public static IReadOnlyList<FigureTable> All(DashboardFigures f) =>
    [
        VolumesTable(f.Volumes), OutcomesTable(f.Outcomes), RationaleTable(f.Outcomes), TimelinessTable(f.Timeliness),
        StagesTable(f.StageTimes), WorkloadTable(f.Workload), WaitingTable(f.Overdue), HomeOfficeTable(f.HomeOffice),
    ];

    /// <summary>
    /// RFC 4180 CSV: a header row, then one line per row, CRLF line ends; a cell with a comma, quote, line break or
    /// edge space is quoted with quotes doubled. A cell starting = + - @ (or tab or carriage return) gets a leading
    /// single quote so a spreadsheet shows it as text instead of running it as a formula.
    /// </summary>
    public static string ToCsv(FigureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var csv = new StringBuilder();
        foreach (var row in table.Rows.Prepend(table.Headers))
        {
            csv.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }

        return csv.ToString();
    }

    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        var mustQuote = text.IndexOfAny([',', '"', '\r', '\n']) >= 0 || (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])));
        return mustQuote ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}

/// <summary>A table with its download link, for the <c>_FigureTable</c> partial.</summary>
public sealed record FigureTableView(FigureTable Table, string CsvUrl);
