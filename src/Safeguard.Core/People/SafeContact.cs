using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;

namespace Safeguard.Core.People;

/// <summary>
/// The one place that decides whether a person may be contacted by a channel. Anything in the product that
/// contacts a person (a recorded call, a letter, an email) asks here first. When records are merged, a channel
/// unsafe on any of them is unsafe for the person: the cautious reading wins.
/// </summary>
public sealed class SafeContact(SafeguardDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<ContactChannels> UnsafeChannelsAsync(int canonicalId, CancellationToken ct = default)
    {
        var sets = await db.People.Where(p => p.CanonicalId == canonicalId).Select(p => p.UnsafeChannels).ToListAsync(ct);
        return sets.Aggregate(ContactChannels.None, (all, one) => all | one);
    }

    public static string RefusalMessage(ContactChannels channel) =>
        $"Do not contact this person by {DemographicNames.Of(channel).ToLowerInvariant()}: it is marked as unsafe";

    /// <summary>Records a contact, or refuses it (and audits the refusal) when the channel is unsafe.</summary>
    public async Task<Result<PersonContact>> RecordContactAsync(int personId, ContactChannels channel, DateTime occurredAtUtc, string? note, string userId, CancellationToken ct = default)
    {
        if (channel == ContactChannels.None || !Enum.IsDefined(channel))
        {
            return Result<PersonContact>.Fail(new FieldError("Channel", "Select how the person was contacted"));
        }

        if (note is not null && note.Trim().Length > 1000)
        {
            return Result<PersonContact>.Fail(new FieldError("Note", "The note must be 1000 characters or fewer"));
        }

        if (occurredAtUtc > clock.GetUtcNow().UtcDateTime.AddMinutes(5))
        {
            return Result<PersonContact>.Fail(new FieldError("OccurredAt", "The date of the contact must be today or in the past"));
        }

        var canonicalId = await db.People.Where(p => p.Id == personId).Select(p => p.CanonicalId).FirstAsync(ct);
        var id = personId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if ((await UnsafeChannelsAsync(canonicalId, ct)).HasFlag(channel))
        {
            await audit.RecordAsync("person.contact-refused", "Person", id, summary: channel.ToString(), actorUserId: userId, ct: ct);
            return Result<PersonContact>.Fail(new FieldError("Channel", RefusalMessage(channel)));
        }

        await using var write = await audit.BeginAsync(ct);
        var contact = new PersonContact { PersonId = personId, Channel = channel, OccurredAt = occurredAtUtc, ByUserId = userId, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() };
        db.PersonContacts.Add(contact);
        await db.SaveChangesAsync(ct);
        write.Record("person.contacted", "Person", id, summary: channel.ToString(), after: new { contact.Id, Channel = channel.ToString(), contact.OccurredAt, contact.Note }, actorUserId: userId);
        await write.CommitAsync(ct);
        return Result<PersonContact>.Ok(contact);
    }
}
