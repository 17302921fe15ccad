using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Referrals;

namespace Safeguard.Core.Marac;

/// <summary>
/// A partner's referral to MARAC without the DRAMM: once a referral's DASH has routed it to MARAC, the co-ordinator
/// adds it to the area's queue in the category they choose. It goes through <see cref="MaracIntake"/>, so a case the
/// DRAMM (or a Clare's Law decision) already queued is one case, not two: that is shown, and nothing is added.
/// </summary>
public sealed class PartnerReferrals(SafeguardDbContext db, AuditTrail audit, AuditContext actor, TimeProvider clock, MaracIntake intake)
{
    public const string NotRoutedMessage = "Only a referral whose risk assessment routed it to MARAC can be added to the MARAC queue";

    /// <summary>The categories a co-ordinator may choose here; the Clare's Law category belongs to Clare's Law decisions.</summary>
    public static readonly MaracCategory[] Categories = [MaracCategory.FullDiscussion, MaracCategory.SignificantUpdate, MaracCategory.InformationOnly];

    /// <summary>How the case came to MARAC, by the kind of referral.</summary>
    public static MaracReferralSource SourceOf(ReferralKind kind) => kind switch
    {
        ReferralKind.Repeat => MaracReferralSource.Repeat,
        ReferralKind.MaracTransferIn => MaracReferralSource.TransferIn,
        ReferralKind.ClaresLaw => MaracReferralSource.ClaresLaw,
        _ => MaracReferralSource.PartnerReferral,
    };

    public static string AlreadyQueuedMessage(MaracReferral queued) =>
        $"This case is already in the MARAC queue ({MaracNames.Of(queued.Source)}, {MaracNames.Of(queued.Category).ToLowerInvariant()}): it is not added twice";

    /// <summary>The MARAC queue entry this referral is part of, waiting or placed: from here, from the DRAMM, or from Clare's Law.</summary>
    public async Task<MaracReferral?> QueuedAsync(Referral referral, CancellationToken ct = default)
    {
        var drammCases = await db.DrammCases.Where(c => c.Record == Dramm.CaseRecord.Referral && c.RecordId == referral.Id).Select(c => (int?)c.Id).ToListAsync(ct);
        return await db.MaracReferrals.AsNoTracking()
            .Where(r => r.ReferralId == referral.Id
                || (r.DrammCaseId != null && drammCases.Contains(r.DrammCaseId))
                || (referral.DisclosureApplicationId != null && r.DisclosureApplicationId == referral.DisclosureApplicationId))
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<Result<MaracReferral>> AddAsync(int referralId, MaracCategory? category, int version, CancellationToken ct = default)
    {
        var referral = await db.Referrals.Include(r => r.People).FirstAsync(r => r.Id == referralId, ct);
        if (referral.Version != version)
        {
            return Fail("Category", ReferralService.StaleMessage);
        }

        if (referral.Routing != ReferralRouting.Marac)
        {
            return Fail("Category", referral.Routing == ReferralRouting.ChildrensSafeguarding ? ReferralService.ChildrensSafeguardingMessage : NotRoutedMessage);
        }

        if (await QueuedAsync(referral, ct) is { } queued)
        {
            return Fail("Category", AlreadyQueuedMessage(queued));
        }

        if (category is not { } chosen || !Categories.Contains(chosen))
        {
            return Fail("Category", "Select the kind of discussion the case needs at MARAC");
        }

        var victim = referral.People.FirstOrDefault(p => p.Role == ReferralRole.Victim)?.PersonId;
        try
        {
            await using var write = await audit.BeginAsync(ct);
            // Claims the referral's version first, so two co-ordinators at once cannot queue it twice.
            referral.Version++;
            await db.SaveChangesAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var entry = await intake.ReferAsync(new MaracReferralInput(referral.AreaId, SourceOf(referral.Kind), chosen, now, referral.Reference,
                ReferralId: referral.Id, VictimPersonId: victim, ChildrenLinked: referral.People.Any(p => p.Role == ReferralRole.Child)), write, ct);
            db.ReferralEvents.Add(new ReferralEvent
            {
                ReferralId = referral.Id, At = now, ByUserId = actor.ActorUserId, Title = "Added to the MARAC queue", Detail = MaracNames.Of(chosen),
            });
            write.Record("referral.marac-queued", "Referral", referral.Id.ToString(CultureInfo.InvariantCulture), summary: referral.Reference,
                after: new { MaracReferralId = entry.Id, Source = entry.Source.ToString(), Category = entry.Category.ToString() });
            await write.CommitAsync(ct);
            return Result<MaracReferral>.Ok(entry);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Fail("Category", ReferralService.StaleMessage);
        }
    }

    private static Result<MaracReferral> Fail(string field, string message) => Result<MaracReferral>.Fail(new FieldError(field, message));
}
