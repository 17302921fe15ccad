using System.Globalization;
using System.Text;
using Safeguard.Bench.People;
using Safeguard.Core.Incidents;

namespace Safeguard.Bench.Incidents;

/// <summary>
/// A police export of fictional incidents, written as the documented CSV (docs/incident-import.md). Victims and
/// perpetrators come from pools smaller than the file, so people recur as they do in real domestic abuse work
/// and the import must find them again; one row in 100 is bad and one in 200 repeats an earlier reference, so
/// validation and the duplicate check do real work. Every summary says the row is synthetic.
/// </summary>
internal static class SyntheticIncidents
{
    public static byte[] Write(int rows, IReadOnlyList<string> areaNames, DateTime nowUtc, int seed = 20261130, string prefix = "BENCH-")
    {
        var random = new Random(seed);
        var victims = Pool(random, Math.Max(10, rows * 6 / 10), female: true);
        var perpetrators = Pool(random, Math.Max(10, rows * 6 / 10), female: false);
        var text = new StringBuilder(rows * 260);
        text.Append(IncidentCsv.HeaderRow).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            var reference = prefix + (i % 200 == 199 ? Reference(i - 50) : Reference(i));
            var occurred = nowUtc.AddMinutes(-random.Next(60, 60 * 24 * 3));
            var reported = occurred.AddMinutes(random.Next(0, 240));
            reported = reported > nowUtc ? nowUtc : reported;
            var risk = random.Next(10) switch { < 5 => "standard", < 8 => "medium", _ => "high" };
            var victim = victims[random.Next(victims.Length)];
            var perpetrator = random.Next(20) == 0 ? null : perpetrators[random.Next(perpetrators.Length)];
            var children = random.Next(3) == 0;
            string[] values =
            [
                reference,
                Local(occurred),
                Local(reported),
                areaNames[random.Next(areaNames.Count)],
                i % 100 == 42 ? "severe" : risk, // the bad row: an unknown risk level
                random.Next(3) == 0 ? "" : random.Next(0, 28).ToString(CultureInfo.InvariantCulture),
                victim.Given, victim.Family, victim.Born,
                perpetrator?.Given ?? "", perpetrator?.Family ?? "", perpetrator?.Born ?? "",
                children ? "yes" : "no",
                children ? random.Next(1, 5).ToString(CultureInfo.InvariantCulture) : "",
                random.Next(2) == 0 ? "yes" : "no",
                "\"Synthetic bench incident, not a real event: argument reported by a neighbour, officers attended\"",
                "PC " + random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture),
            ];
            text.AppendJoin(',', values).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Reference(int i) => i.ToString("D7", CultureInfo.InvariantCulture);

    private static string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, Safeguard.Core.Common.London.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private sealed record FictionalPerson(string Given, string Family, string Born);

    /// <summary>Fictional people; one in ten has no date of birth (the police did not get one).</summary>
    private static FictionalPerson[] Pool(Random random, int size, bool female)
    {
        var given = female ? NameLists.Female : NameLists.Male;
        return Enumerable.Range(0, size).Select(_ => new FictionalPerson(
            given[random.Next(given.Length)],
            NameLists.Surnames[random.Next(NameLists.Surnames.Length)],
            random.Next(10) == 0 ? "" : new DateOnly(1950, 1, 1).AddDays(random.Next(365 * 55)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .ToArray();
    }
}
