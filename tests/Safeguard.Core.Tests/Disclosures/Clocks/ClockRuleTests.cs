using Safeguard.Core.Disclosures.Clocks;

namespace Safeguard.Core.Tests.Disclosures.Clocks;

public sealed class ClockRuleTests
{
    [Theory]
    [InlineData(24, ClockUnit.Hours, "24 hours")]
    [InlineData(1, ClockUnit.Hours, "1 hour")]
    [InlineData(28, ClockUnit.CalendarDays, "28 calendar days")]
    [InlineData(1, ClockUnit.CalendarDays, "1 calendar day")]
    [InlineData(10, ClockUnit.WorkingDays, "10 working days")]
    [InlineData(1, ClockUnit.WorkingDays, "1 working day")]
    public void Describe_reads_as_a_person_would_say_it(int amount, ClockUnit unit, string expected) =>
        Assert.Equal(expected, new ClockRule(amount, unit).Describe());

    [Theory]
    [InlineData(ClockState.OnTrack, "On track")]
    [InlineData(ClockState.DueSoon, "Due within 5 days")]
    [InlineData(ClockState.Overdue, "Overdue")]
    [InlineData(ClockState.MetInTime, "Met")]
    [InlineData(ClockState.MetLate, "Met late")]
    public void Each_state_has_a_name_for_the_page(ClockState state, string expected) =>
        Assert.Equal(expected, ClockStateNames.Of(state));
}
