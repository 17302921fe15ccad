namespace Safeguard.Bench.Disclosures;

/// <summary>The bench's "now": fixed, so the open work, its clocks and the board's overdue counts are the same on every run.</summary>
internal sealed class FixedClock(DateTime utcNow) : TimeProvider
{
    public DateTime UtcNow { get; } = DateTime.SpecifyKind(utcNow, DateTimeKind.Utc);

    public override DateTimeOffset GetUtcNow() => new(UtcNow);
}
