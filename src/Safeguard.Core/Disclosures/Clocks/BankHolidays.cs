using System.Globalization;
using System.Reflection;

namespace Safeguard.Core.Disclosures.Clocks;

/// <summary>
/// Bank holidays in England and Wales, 2018 to 2030, as shipped with the app to seed the bank holiday table.
/// Years up to 2026 are as announced; later years are projected from the usual rules, so a one-off holiday
/// (a coronation, a state funeral) or a moved one will be missing until an administrator edits it in the app.
/// </summary>
public static class BankHolidays
{
    private const string ResourceName = "Safeguard.Core.Disclosures.Clocks.bank-holidays-england-and-wales.csv";

    private static readonly Lazy<IReadOnlyList<BankHoliday>> Shipped = new(Load);

    public static IReadOnlyList<BankHoliday> EnglandAndWales => Shipped.Value;

    private static IReadOnlyList<BankHoliday> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The bank holiday list is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    internal static IReadOnlyList<BankHoliday> Parse(TextReader reader)
    {
        if (reader.ReadLine() != "date,name")
        {
            throw new FormatException("The bank holiday list must start with the header \"date,name\".");
        }

        var holidays = new List<BankHoliday>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            // Names may one day hold commas; dates never do, so only the first comma separates.
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0)
            {
                throw new FormatException($"Bank holiday line \"{line}\" has no name.");
            }

            var date = DateOnly.ParseExact(line[..comma], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            holidays.Add(new BankHoliday(date, line[(comma + 1)..]));
        }

        return holidays.AsReadOnly();
    }
}
