using Safeguard.Core.Marac;

namespace Safeguard.Core.Tests.Marac;

/// <summary>The agenda's order and times, from a table of cases in to the order out.</summary>
public sealed class MaracAgendaOrderTests
{
    private static readonly DateTime Day = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, string> Tables => new()
    {
        // Id:Category:day referred (of November), in arrival order  ->  ids in agenda order
        { "1:F:20 2:C:21 3:I:22 4:S:19", "2 3 4 1" },
        { "1:F:22 2:F:20 3:F:21", "2 3 1" },
        { "1:S:20 2:S:20 3:I:25 4:C:25 5:F:1", "4 3 1 2 5" },
        { "1:C:3 2:C:1 3:I:2 4:I:1", "2 1 4 3" },
        { "", "" },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void Clares_law_then_information_only_then_significant_updates_then_full_discussions_each_by_date_referred(string cases, string expected)
    {
        var items = cases.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Split(':')).Select(p => new AgendaItem(
            int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture),
            p[1] switch { "C" => MaracCategory.ClaresLaw, "I" => MaracCategory.InformationOnly, "S" => MaracCategory.SignificantUpdate, _ => MaracCategory.FullDiscussion },
            new DateTime(2026, 11, int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture), 9, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(expected, string.Join(' ', MaracAgenda.Order(items).Select(i => i.Id)));
    }

    [Fact]
    public void Each_case_starts_after_the_minutes_of_the_cases_before_it()
    {
        var meeting = new MaracMeeting { StartsAtUtc = new DateTime(2026, 12, 10, 9, 30, 0, DateTimeKind.Utc) };
        MaracCase Case(int position, int minutes) => new() { Reference = $"R{position}", Position = position, Minutes = minutes };
        var times = MaracAgenda.Times(meeting, [Case(3, 15), Case(1, 5), Case(2, 10), Case(4, 15)]);
        Assert.Equal(["09:30", "09:35", "09:45", "10:00"], times.Select(t => t.StartsAtUtc.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([1, 2, 3, 4], times.Select(t => t.Case.Position));
    }
}
