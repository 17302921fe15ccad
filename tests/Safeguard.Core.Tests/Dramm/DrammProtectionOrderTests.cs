using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Dramm;
using Safeguard.Core.ProtectionOrders;
using Safeguard.Core.Tests.Referrals;

namespace Safeguard.Core.Tests.Dramm;

/// <summary>
/// Protection orders: recorded with every bad answer named and nothing saved; one issued in the 24 hours before a
/// list's release (and within its window) goes on that list in the protection orders group, and no other does.
/// </summary>
public sealed class DrammProtectionOrderTests : ReferralFixture
{
    private async Task<Result<ProtectionOrder>> RecordAsync(ProtectionOrderInput input)
    {
        using var scope = Host.Scope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = Coordinator;
        return await scope.ServiceProvider.GetRequiredService<ProtectionOrderService>().RecordAsync(input, [Org.AreaA]);
    }

    private ProtectionOrderInput Order(DateTime issuedUk, int victim, int perpetrator, ProtectionOrderKind kind = ProtectionOrderKind.Dvpn) => new(
        kind, Org.AreaA, DateOnly.FromDateTime(issuedUk), issuedUk.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly.FromDateTime(issuedUk.AddDays(2)), issuedUk.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), victim, perpetrator,
        "12 Example Road, Northtown (fictional)", "Not to enter the premises or come within 100 metres of them", null);

    [Fact]
    public async Task Bad_answers_are_named_by_field_and_nothing_is_saved()
    {
        Host.Clock.Set(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        var victim = await PersonAsync("Vicky", "Testcase", new DateOnly(1990, 5, 5));
        var perpetrator = await PersonAsync("Percy", "Testcase", new DateOnly(1988, 1, 1));

        var empty = await RecordAsync(new ProtectionOrderInput(null, null, null, null, null, null, null, null, null, " ", null));
        Assert.Equal(["Kind", "AreaId", "IssuedOn", "IssuedTime", "VictimReference", "PerpetratorReference", "Terms"], empty.Errors.Select(e => e.Field));
        Assert.Contains(empty.Errors, e => e.Message == "Enter the victim's person index reference, like P000123");

        var wrong = await RecordAsync(Order(new DateTime(2026, 11, 30, 13, 0, 0), victim, victim) with
        {
            AreaId = Org.AreaB, IssuedTime = "25:00", ExpiresOn = null, ExpiresTime = null,
        });
        Assert.Equal(["AreaId", "IssuedTime", "ExpiresOn", "PerpetratorReference"], wrong.Errors.Select(e => e.Field));
        Assert.Contains(wrong.Errors, e => e.Message == "Enter the date it ends: only a DAPO may be made without an end date");
        Assert.Contains(wrong.Errors, e => e.Message == "The perpetrator must be a different person from the victim");

        var future = await RecordAsync(Order(new DateTime(2026, 11, 30, 13, 0, 0), victim, perpetrator) with { ExpiresOn = new DateOnly(2026, 11, 30), ExpiresTime = "12:59" });
        Assert.Contains(future.Errors, e => e.Field == "IssuedOn" && e.Message == "The date and time it was issued must be now or in the past");
        Assert.Contains(future.Errors, e => e.Field == "ExpiresOn" && e.Message == "The date and time it ends must be after it was issued");
        Assert.Equal(0, await Db(db => db.ProtectionOrders.CountAsync()));

        // A DAPO may have no end date; the order is audited by reference, never by name.
        var dapo = await RecordAsync(Order(new DateTime(2026, 11, 30, 11, 0, 0), victim, perpetrator, ProtectionOrderKind.Dapo) with { ExpiresOn = null, ExpiresTime = " " });
        Assert.True(dapo.Succeeded, string.Join("; ", dapo.Errors));
        Assert.Null(dapo.Value!.ExpiresAt);
        Assert.Equal(new DateTime(2026, 11, 30, 11, 0, 0, DateTimeKind.Utc), dapo.Value.IssuedAt);
        var audited = await Db(db => db.AuditEvents.SingleAsync(e => e.Action == "protection-order.recorded" && e.RecordId == dapo.Value.Id.ToString()));
        Assert.DoesNotContain("Vicky", audited.After, StringComparison.Ordinal);
        Assert.Contains(Core.People.Person.FormatReference(victim), audited.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_issued_in_the_24_hours_before_the_release_goes_on_the_list_and_one_outside_does_not()
    {
        Assert.Equal(new Eligibility(true, "Protection order issued in the last 24 hours", AgendaGroup.ProtectionOrders),
            DrammRules.Check(new DrammCandidate(CaseSource.ProtectionOrder, "PO000001", DateTime.UtcNow, null, false, false, false)));

        var victim = await PersonAsync("Vicky", "Testcase", new DateOnly(1990, 5, 5));
        var perpetrator = await PersonAsync("Percy", "Testcase", new DateOnly(1988, 1, 1));
        // Tuesday 1 December's list: released at 10:00 (GMT), its window from Monday's 11:00 release. An order issued
        // and recorded before Monday's release went on Monday's list.
        Host.Clock.Set(new DateTimeOffset(2026, 11, 30, 10, 45, 0, TimeSpan.Zero));
        var mondays = (await RecordAsync(Order(new DateTime(2026, 11, 30, 10, 30, 0), victim, perpetrator))).Value!;
        Host.Clock.Set(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero));
        var inWindow = (await RecordAsync(Order(new DateTime(2026, 11, 30, 15, 0, 0), victim, perpetrator))).Value!;
        // Issued before Monday's release but recorded after it: Tuesday's list, not none.
        var recordedLate = (await RecordAsync(Order(new DateTime(2026, 11, 30, 10, 50, 0), victim, perpetrator))).Value!;
        // Issued days ago: not new, whenever recorded.
        var older = (await RecordAsync(Order(new DateTime(2026, 11, 27, 9, 0, 0), victim, perpetrator))).Value!;

        using var scope = Host.Scope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = Coordinator;
        var prepared = await scope.ServiceProvider.GetRequiredService<DrammLists>().PrepareAsync(Org.AreaA, new DateOnly(2026, 12, 1));
        Assert.True(prepared.Succeeded, string.Join("; ", prepared.Errors));
        Assert.Equal([inWindow.Id, recordedLate.Id], prepared.Value!.Cases.Select(c => c.RecordId).Order());
        var listed = prepared.Value.Cases.Single(c => c.RecordId == inWindow.Id);
        Assert.Equal((CaseRecord.ProtectionOrder, inWindow.Id, inWindow.Reference), (listed.Record, listed.RecordId, listed.Reference));
        Assert.True(listed.OnList);
        Assert.Equal(AgendaGroup.ProtectionOrders, listed.Group);
        Assert.Equal("Protection order issued in the last 24 hours", listed.Reason);
        Assert.Equal($"/protection-orders/{inWindow.Id}", listed.RecordPath);
        Assert.DoesNotContain(prepared.Value.Cases, c => c.RecordId == mondays.Id || c.RecordId == older.Id);

        // Its page in the pack describes the order and its people.
        var paragraphs = await scope.ServiceProvider.GetRequiredService<DrammPack>().ParagraphsAsync(prepared.Value.Id);
        Assert.Contains($"Order reference: {inWindow.Reference}.", paragraphs);
        Assert.Contains("Kind: Domestic violence protection notice (DVPN).", paragraphs);
        Assert.Contains(paragraphs, p => p.Contains("Perpetrator: Percy Testcase, born 1 January 1988", StringComparison.Ordinal));
    }
}
