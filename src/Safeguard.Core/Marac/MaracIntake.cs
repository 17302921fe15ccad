using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Core.Marac;

/// <summary>What a source gives when it refers a case to MARAC.</summary>
public sealed record MaracReferralInput(int AreaId, MaracReferralSource Source, MaracCategory Category, DateTime ReferredAt, string Reference,
    int? ReferralId = null, int? DrammCaseId = null, int? DisclosureApplicationId = null, int? VictimPersonId = null, bool ChildrenLinked = false);

/// <summary>
/// The one way into a MARAC's queue. Each source calls it inside its own audited write, so the referral and the
/// change that made it are saved together. A source record refers once: referring it again updates the waiting
/// referral (its category may change) rather than adding a second.
/// </summary>
public sealed class MaracIntake(SafeguardDbContext db, AuditContext actor, TimeProvider clock)
{
    public async Task<MaracReferral> ReferAsync(MaracReferralInput input, AuditedWrite write, CancellationToken ct = default)
    {
        var existing = await FindAsync(input.ReferralId, input.DrammCaseId, input.DisclosureApplicationId, ct);
        if (existing is not null)
        {
            existing.ReferralId ??= input.ReferralId;
            existing.DrammCaseId ??= input.DrammCaseId;
            existing.DisclosureApplicationId ??= input.DisclosureApplicationId;
            existing.VictimPersonId ??= input.VictimPersonId;

            // A case the DRAMM queued that another source now refers too becomes that source's: if the DRAMM later
            // takes its decision back, the other referral still stands (WithdrawAsync only unlinks the DRAMM then).
            if (existing.Source == MaracReferralSource.Dramm && input.Source != MaracReferralSource.Dramm)
            {
                write.Record("marac.referral-changed", "MaracReferral", Id(existing), summary: existing.Reference,
                    before: new { Source = existing.Source.ToString() }, after: new { Source = input.Source.ToString() });
                existing.Source = input.Source;
            }
            // The category is the source's own judgement: a later source never overrides another's, except the DRAMM,
            // whose meeting decides the kind of discussion the case needs.
            if (existing.MeetingId is null && existing.Category != input.Category
                && (input.Source == existing.Source || input.Source == MaracReferralSource.Dramm))
            {
                var before = existing.Category;
                existing.Category = input.Category;
                write.Record("marac.referral-changed", "MaracReferral", Id(existing), summary: existing.Reference,
                    before: new { Category = before.ToString() }, after: new { Category = input.Category.ToString() });
            }

            return existing;
        }

        var referral = new MaracReferral
        {
            AreaId = input.AreaId, Source = input.Source, Category = input.Category, ReferredAt = input.ReferredAt, Reference = input.Reference,
            ReferralId = input.ReferralId, DrammCaseId = input.DrammCaseId, DisclosureApplicationId = input.DisclosureApplicationId,
            VictimPersonId = input.VictimPersonId, ChildrenLinked = input.ChildrenLinked,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedByUserId = actor.ActorUserId,
        };
        db.MaracReferrals.Add(referral);
        await db.SaveChangesAsync(ct);
        write.Record("marac.referred", "MaracReferral", Id(referral), summary: referral.Reference,
            after: new { AreaId = referral.AreaId, Source = referral.Source.ToString(), Category = referral.Category.ToString() });
        return referral;
    }

    /// <summary>Takes back a referral that has not been placed on a meeting (the source's decision changed). False once placed.</summary>
    public async Task<bool> WithdrawAsync(int? referralId, int? drammCaseId, int? disclosureApplicationId, AuditedWrite write, CancellationToken ct = default)
    {
        var existing = await FindAsync(referralId, drammCaseId, disclosureApplicationId, ct);
        if (existing is null)
        {
            return true;
        }

        if (existing.MeetingId is not null)
        {
            return false;
        }

        // A case another source also referred (a Clare's Law application, a partner's referral) stays in the queue:
        // only the withdrawing source's own link goes.
        var sharedWithAnotherSource = drammCaseId is not null && existing.Source != MaracReferralSource.Dramm;
        if (sharedWithAnotherSource)
        {
            existing.DrammCaseId = null;
            write.Record("marac.referral-changed", "MaracReferral", Id(existing), summary: existing.Reference,
                before: new { DrammCaseId = drammCaseId }, after: new { DrammCaseId = (int?)null });
            return true;
        }

        db.MaracReferrals.Remove(existing);
        write.Record("marac.referral-withdrawn", "MaracReferral", Id(existing), summary: existing.Reference);
        return true;
    }

    /// <summary>
    /// The referral already made from any of these records, waiting or placed: a partner's referral that the DRAMM
    /// then refers, or a Clare's Law application the DRAMM discussed, is one case at MARAC, not two.
    /// </summary>
    private Task<MaracReferral?> FindAsync(int? referralId, int? drammCaseId, int? disclosureApplicationId, CancellationToken ct) =>
        referralId is null && drammCaseId is null && disclosureApplicationId is null
            ? Task.FromResult<MaracReferral?>(null)
            : db.MaracReferrals
                .Where(r => (drammCaseId != null && r.DrammCaseId == drammCaseId)
                    || (referralId != null && r.ReferralId == referralId)
                    || (disclosureApplicationId != null && r.DisclosureApplicationId == disclosureApplicationId))
                .OrderByDescending(r => r.Id)
                .FirstOrDefaultAsync(ct);

    private static string Id(MaracReferral r) => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
