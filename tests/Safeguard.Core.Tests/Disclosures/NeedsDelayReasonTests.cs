using Safeguard.Core.Disclosures;

namespace Safeguard.Core.Tests.Disclosures;

/// <summary>When an overdue application still needs a reason for delay.</summary>
public sealed class NeedsDelayReasonTests
{
    private static readonly DateTime Due = new(2026, 12, 21, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<bool, bool, int?, int?, bool> Cases() => new()
    {
        // open, has due, now (hours after due), last delay (hours after due), needs a reason
        { true, true, -1, null, false },   // not yet due
        { true, true, 0, null, true },     // due now, no reason
        { true, true, 5, null, true },     // overdue, no reason
        { true, true, 5, -3, true },       // a reason from before the clock ran out does not count
        { true, true, 5, 0, false },       // a reason at the moment it fell due counts
        { true, true, 5, 2, false },       // a reason since it fell due
        { true, false, 5, null, false },   // no clock running
        { false, true, 5, null, false },   // closed
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Truth_table(bool open, bool hasDue, int? nowHours, int? delayHours, bool expected)
    {
        var app = new DisclosureApplication
        {
            WhatPrompted = "x", Stage = open ? DisclosureStage.Research : DisclosureStage.Closed, NextDueAt = hasDue ? Due : null,
        };
        var now = Due.AddHours(nowHours!.Value);
        DateTime? last = delayHours is int h ? Due.AddHours(h) : null;
        Assert.Equal(expected, DisclosureService.NeedsDelayReason(app, last, now));
    }
}
