using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.People;

/// <summary>
/// One person: everything recorded on them and on any record merged into them, their history in the user's
/// areas only, the "known before" summary and the repeat and escalation rules as they stand today.
/// Loaded only through the record scope (404 outside it); every view is audited.
/// </summary>
public sealed class ProfileModel(RecordScope scope, SafeguardDbContext db, RiskHistory history, SafeContact safeContact,
    AuditTrail audit, TimeProvider clock) : PageModel
{
    public sealed record Related(int Id, string Reference, string Name, string Kind);

    public sealed record Contact(DateTime OccurredAt, ContactChannels Channel, string By, string? Note);

    public sealed record Merge(PersonMerge Record, string By);

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public Person Person { get; private set; } = null!;
    public IReadOnlyList<PersonName> Names { get; private set; } = [];
    public IReadOnlyList<PersonAddress> Addresses { get; private set; } = [];
    public IReadOnlyList<PersonIdentifier> Identifiers { get; private set; } = [];
    public ContactChannels UnsafeChannels { get; private set; }
    public IReadOnlyList<Related> Relationships { get; private set; } = [];
    public IReadOnlyList<PersonInvolvement> Involvements { get; private set; } = [];
    public KnownBefore KnownBefore { get; private set; } = null!;
    public RepeatCheck Repeat { get; private set; } = null!;
    public EscalationCheck Escalation { get; private set; } = null!;
    public IReadOnlyList<Contact> Contacts { get; private set; } = [];
    public IReadOnlyList<Merge> Merges { get; private set; } = [];
    public int? EstimatedAge { get; private set; }
    public bool CanChange { get; private set; }
    public bool CanMerge { get; private set; }
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var person = await scope.PersonAsync(Id, RecordOperation.View, ct);
        if (person is null)
        {
            return NotFound();
        }

        Person = person;
        var group = await db.People.AsNoTracking().Where(p => p.CanonicalId == person.Id).Select(p => p.Id).ToListAsync(ct);
        Names = await db.PersonNames.AsNoTracking().Where(n => group.Contains(n.PersonId))
            .OrderBy(n => n.PersonId != person.Id).ThenBy(n => n.Kind).ThenBy(n => n.Id).ToListAsync(ct);
        Addresses = await db.PersonAddresses.AsNoTracking().Where(a => group.Contains(a.PersonId))
            .OrderByDescending(a => a.To == null).ThenByDescending(a => a.From).ThenByDescending(a => a.Id).ToListAsync(ct);
        Identifiers = await db.PersonIdentifiers.AsNoTracking().Where(i => group.Contains(i.PersonId)).OrderBy(i => i.Scheme).ThenBy(i => i.Id).ToListAsync(ct);
        UnsafeChannels = await safeContact.UnsafeChannelsAsync(person.Id, ct);
        Relationships = await RelatedAsync(group, ct);

        // Only the user's areas: what happened elsewhere is neither shown nor counted.
        Involvements = await history.InvolvementsAsync(person.Id, PersonRecordScope.Areas(User), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        EstimatedAge = person.ApproximateAge is int age && person.AgeRecordedOn is DateOnly on
            ? age + (Safeguard.Core.Common.London.Today(clock).Year - on.Year) : null;
        KnownBefore = RiskHistory.Summarise(Involvements);
        Repeat = RiskHistory.Repeat(Involvements, now);
        Escalation = RiskHistory.Escalation(Involvements, now);

        var contacts = await db.PersonContacts.AsNoTracking().Where(c => group.Contains(c.PersonId)).OrderByDescending(c => c.OccurredAt).ToListAsync(ct);
        var merges = await db.PersonMerges.AsNoTracking().Where(m => group.Contains(m.SurvivorId) || group.Contains(m.MergedId) || m.SurvivorId == Id || m.MergedId == Id)
            .OrderByDescending(m => m.MergedAt).ToListAsync(ct);
        // A reversed merge may point at a record now held only in other areas: leave it out entirely.
        var others = merges.Select(m => group.Contains(m.SurvivorId) ? m.MergedId : m.SurvivorId).Where(o => !group.Contains(o)).Distinct().ToList();
        var otherCanonical = await db.People.AsNoTracking().Where(p => others.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.CanonicalId, ct);
        var canonicalIds = otherCanonical.Values.Distinct().ToList();
        var visible = (await PersonRecordScope.VisibleTo(db.People.Where(p => canonicalIds.Contains(p.Id)), db, User).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        merges = merges.Where(m =>
        {
            var other = group.Contains(m.SurvivorId) ? m.MergedId : m.SurvivorId;
            return group.Contains(other) || (otherCanonical.TryGetValue(other, out var c) && visible.Contains(c));
        }).ToList();
        var userIds = contacts.Select(c => c.ByUserId).Concat(merges.Select(m => m.MergedByUserId)).Distinct().ToList();
        var userNames = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Contacts = contacts.Select(c => new Contact(c.OccurredAt, c.Channel, userNames.GetValueOrDefault(c.ByUserId, "Unknown user"), c.Note)).ToList();
        Merges = merges.Select(m => new Merge(m, userNames.GetValueOrDefault(m.MergedByUserId, "Unknown user"))).ToList();

        CanChange = await scope.MayAsync(person, RecordOperation.Change);
        CanMerge = CanChange && Capabilities.Has(User, Capability.MergePeople);
        Notice = TempData["Notice"] as string ?? TempData[Edit.PersonEditPage.SuccessKey] as string;
        await audit.RecordAsync("person.viewed", "Person", person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            summary: Id == person.Id ? null : $"asked for {Person.FormatReference(Id)}, merged into this record", ct: ct);
        return Page();
    }

    /// <summary>Ties in both directions, each shown only if the user may see the other person: otherwise not at all.</summary>
    private async Task<IReadOnlyList<Related>> RelatedAsync(List<int> group, CancellationToken ct)
    {
        var ties = await db.Relationships.AsNoTracking().Where(r => group.Contains(r.PersonId) || group.Contains(r.RelatedPersonId)).ToListAsync(ct);
        var otherIds = ties.Select(r => group.Contains(r.PersonId) ? r.RelatedPersonId : r.PersonId).Distinct().ToList();
        var canonicalOf = await db.People.AsNoTracking().Where(p => otherIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.CanonicalId, ct);
        var canonicalIds = canonicalOf.Values.Distinct().ToList();
        var visible = await PersonRecordScope.VisibleTo(db.People.AsNoTracking().Where(p => canonicalIds.Contains(p.Id)), db, User)
            .Select(p => p.Id).ToListAsync(ct);
        var names = (await db.PersonNames.AsNoTracking().Where(n => visible.Contains(n.PersonId)).OrderBy(n => n.Kind != NameKind.Current).ThenBy(n => n.Id).ToListAsync(ct))
            .GroupBy(n => n.PersonId).ToDictionary(g => g.Key, g => g.First().FullName);
        return ties
            .Select(r =>
            {
                var fromHere = group.Contains(r.PersonId);
                var other = canonicalOf.GetValueOrDefault(fromHere ? r.RelatedPersonId : r.PersonId);
                return (r, fromHere, other);
            })
            .Where(x => visible.Contains(x.other) && !group.Contains(x.other))
            .Select(x => new Related(x.other, Person.FormatReference(x.other), names.GetValueOrDefault(x.other, "(no name)"), RelationshipNames.From(x.r.Kind, x.fromHere)))
            .DistinctBy(x => (x.Id, x.Kind))
            .ToList();
    }
}
