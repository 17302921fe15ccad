using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Audit;
using Safeguard.Core.Disclosures.Documents;
using Safeguard.Core.Dramm;
using Safeguard.Core.Referrals;
using Safeguard.Core.Tests.Referrals;

namespace Safeguard.Core.Tests.Dramm;

/// <summary>Tuesday 1 December 2026's pack in area A: the cover and agenda, then a page per case in the agenda's order.</summary>
public sealed class DrammPackTests : ReferralFixture
{
    [Fact]
    public async Task The_pack_has_a_cover_with_the_agenda_then_one_page_per_listed_case_in_order_and_nothing_left_out()
    {
        Host.Clock.Set(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        var transfer = (await WithVictimAsync(kind: ReferralKind.MaracTransferIn)).Referral;
        var high = (await WithVictimAsync()).Referral;
        var child = await PersonAsync("Casey", "Testcase", new DateOnly(2019, 1, 1));
        Assert.True((await As(s => s.AddPersonAsync(high.Id, child, ReferralRole.Child, "Northtown Primary"))).Succeeded);
        Assert.True((await AssessAsync(high.Id, 16)).Succeeded);
        var unassessed = (await WithVictimAsync()).Referral;

        using var scope = Host.Scope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = Coordinator;
        var meeting = (await scope.ServiceProvider.GetRequiredService<DrammLists>().PrepareAsync(Org.AreaA, new DateOnly(2026, 12, 1))).Value!;
        var area = await Db(db => db.Areas.Where(a => a.Id == Org.AreaA).Select(a => a.Name).SingleAsync());
        var pack = scope.ServiceProvider.GetRequiredService<DrammPack>();
        var paragraphs = await pack.ParagraphsAsync(meeting.Id);

        // The cover: area and date, the times in UK time, the confidentiality line and the agenda in order.
        var cover = paragraphs.TakeWhile(p => p != SimpleDocx.PageBreak).ToList();
        Assert.Equal($"{area}, 1 December 2026.", cover[0]);
        Assert.Equal("Cases released to the agencies by 1 December 2026 at 10:00am. The meeting starts at 1 December 2026 at 11:30am.", cover[1]);
        Assert.Contains(DrammPack.Confidentiality, cover);
        Assert.Equal(
            [$"1. {high.Reference}: Children linked: MARAC and third-party referrals", $"2. {transfer.Reference}: No children linked: MARAC transfers"],
            cover.SkipWhile(p => p != "## Agenda").Skip(1));

        // Then a page per case, in the same order, and nothing of the case the rules left out.
        Assert.Equal(2, paragraphs.Count(p => p == SimpleDocx.PageBreak));
        Assert.Equal([$"## 1. {high.Reference}", $"## 2. {transfer.Reference}"], paragraphs.Where(p => p.StartsWith("## 1.") || p.StartsWith("## 2.")));
        var first = paragraphs.SkipWhile(p => p != $"## 1. {high.Reference}").TakeWhile(p => p != SimpleDocx.PageBreak).ToList();
        Assert.Contains("Children linked: yes.", first);
        Assert.Contains("MARAC repeat (within 12 months of a MARAC): no.", first);
        Assert.Contains(first, p => p.Contains("Victim: Vicky Testcase, born 5 May 1990", StringComparison.Ordinal)
            && p.Contains("Child: Casey Testcase, born 1 January 2019, school: Northtown Primary", StringComparison.Ordinal));
        Assert.Contains("Kind: Agency or third-party referral.", first);
        Assert.Contains("MARAC criteria given by the referrer: visible high risk.", first);
        Assert.Contains(first, p => p.StartsWith("Latest DASH risk assessment: 16 \"yes\" answers; risk level High", StringComparison.Ordinal));
        var second = paragraphs.SkipWhile(p => p != $"## 2. {transfer.Reference}").ToList();
        Assert.Contains("DASH risk assessment: none recorded yet.", second);
        Assert.DoesNotContain(paragraphs, p => p.Contains(unassessed.Reference, StringComparison.Ordinal));

        // The document itself opens in Word's format with a page break per case.
        using var word = WordprocessingDocument.Open(new MemoryStream(await pack.BuildAsync(meeting.Id)), false);
        Assert.Equal(2, word.MainDocumentPart!.Document.Body!.Descendants<Break>().Count(b => b.Type?.Value == BreakValues.Page));
        Assert.Equal("DRAMM pack, 1 December 2026", word.PackageProperties.Title);
    }
}
