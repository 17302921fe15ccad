using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.People;
using Safeguard.Core.Referrals.Dash;

namespace Safeguard.Core.Referrals;

/// <summary>
/// Every change to a referral goes through here: the referral form, its people and its DASH assessments. Each
/// method validates first, then saves in one transaction with its audit events and a timeline line, so bad input
/// saves nothing. Who may call which method is the page's and the scope handler's business.
/// </summary>
public sealed partial class ReferralService(
    SafeguardDbContext db, AuditTrail audit, AuditContext actor, TimeProvider clock, PersonService people, RiskHistory history, DashDefinitions definitions)
{
    /// <summary>MARAC takes victims aged 16 or over; younger victims go to children's safeguarding.</summary>
    public const int MaracMinimumAge = 16;

    public const string StaleMessage = "Someone else changed this referral while you were working on it. Check the record and try again.";

    public const string ChildrensSafeguardingMessage =
        "The victim is under 16. MARAC takes victims aged 16 or over, so this referral is routed to children's safeguarding (for example the MASH), not to MARAC";

    /// <summary>The form read and checked as it would be saved, saving nothing: for "check your answers".</summary>
    public async Task<Result<Referral>> CheckAsync(NewReferral input, CancellationToken ct = default)
    {
        var today = London.Today(clock);
        var rules = new FormRules(today, DateOnly.MinValue);
        var kind = rules.Choice("Kind", input.Kind, "Select the kind of referral");
        if (!await db.Areas.AnyAsync(a => a.Id == input.AreaId && a.IsActive, ct))
        {
            rules.Fail("AreaId", "Select an area");
        }

        var received = rules.Date("ReceivedOn", input.ReceivedOn, "the date the referral was received");
        var police = rules.Text("PoliceReference", input.PoliceReference, "the police incident number", required: kind is ReferralKind k && ReferralNames.IsPoliceIncident(k), max: 50);
        var name = rules.Text("ReferrerName", input.ReferrerName, "the referrer's name", max: 200);
        var agency = rules.Text("ReferrerAgency", input.ReferrerAgency, "the referrer's agency", max: 200);
        var role = rules.Text("ReferrerRole", input.ReferrerRole, "the referrer's role", max: 200);
        var contact = rules.Text("ReferrerContact", input.ReferrerContact, "a phone number or email address for the referrer", max: 200);
        if (input.ReferrerCriteria == ReferralCriteria.None && kind is not ReferralKind.MaracTransferIn && kind is not null && !ReferralNames.IsPoliceIncident(kind.Value))
        {
            rules.Fail("ReferrerCriteria", "Select at least one reason for referral");
        }

        var reason = rules.Text("Reason", input.Reason, "the reason for referral");
        var aware = rules.Choice("VictimAware", input.VictimAware, "Select whether the victim knows about this referral");
        var consents = rules.Choice("VictimConsents", input.VictimConsents, "Select whether the victim consents to this referral");
        if (consents is not (null or Answer.Yes or Answer.No or Answer.NotKnown))
        {
            rules.Fail("VictimConsents", "Select whether the victim consents to this referral");
        }

        var fears = rules.Text("VictimFears", input.VictimFears, "whom the victim fears", required: false, max: 2000);
        var safe = rules.Text("SafeToTalkTo", input.SafeToTalkTo, "who is safe to talk to", required: false, max: 2000);
        var unsafeTo = rules.Text("UnsafeToTalkTo", input.UnsafeToTalkTo, "who is not safe to talk to", required: false, max: 2000);
        var previous = rules.Text("PreviousMarac", input.PreviousMarac, "previous MARACs", required: false, max: 2000);
        var actions = rules.Text("ActionsTaken", input.ActionsTaken, "actions already taken", required: false);
        if (!rules.Ok)
        {
            return Result<Referral>.Fail(rules.Errors);
        }

        var now = Now;
        var referral = new Referral
        {
            Kind = kind!.Value, AreaId = input.AreaId, ReceivedAt = ReceivedAt(received!.Value, now), PoliceReference = police,
            ReferrerName = name!, ReferrerAgency = agency!, ReferrerRole = role!, ReferrerContact = contact!,
            ReferrerCriteria = input.ReferrerCriteria, Reason = reason!, VictimAware = aware!.Value, VictimConsents = consents!.Value,
            VictimFears = fears, SafeToTalkTo = safe, UnsafeToTalkTo = unsafeTo, PreviousMarac = previous, ActionsTaken = actions,
            Routing = ReferralRouting.AwaitingAssessment, CreatedAt = now, CreatedByUserId = actor.ActorUserId, Version = 1,
        };
        return Result<Referral>.Ok(referral);
    }

    public async Task<Result<Referral>> CreateAsync(NewReferral input, CancellationToken ct = default)
    {
        var checkedForm = await CheckAsync(input, ct);
        if (!checkedForm.Succeeded)
        {
            return checkedForm;
        }

        var referral = checkedForm.Value!;
        await using var write = await audit.BeginAsync(ct);
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(ct);
        Timeline(referral, "Referral received", $"{ReferralNames.Of(referral.Kind)} from {referral.ReferrerAgency}");
        write.Record("referral.created", "Referral", Id(referral), after: new
        {
            Kind = referral.Kind.ToString(), referral.AreaId, referral.ReceivedAt, ReferrerCriteria = referral.ReferrerCriteria.ToString(),
            referral.VictimAware, VictimConsents = referral.VictimConsents.ToString(),
        });
        await write.CommitAsync(ct);
        return Result<Referral>.Ok(referral);
    }

    /// <summary>
    /// Adds someone from the person index in a role and records the involvement on their profile, so a later
    /// referral recognises a repeat. A victim under 16 routes the referral to children's safeguarding.
    /// </summary>
    public async Task<Result<ReferralPerson>> AddPersonAsync(int referralId, int personId, ReferralRole role, string? school, CancellationToken ct = default)
    {
        var referral = await db.Referrals.Include(r => r.People).FirstAsync(r => r.Id == referralId, ct);
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId, ct);
        var errors = new List<FieldError>();
        var text = string.IsNullOrWhiteSpace(school) ? null : school.Trim();
        if (person is null)
        {
            errors.Add(new("PersonId", "Select a person"));
        }
        else
        {
            person = await db.People.FirstAsync(p => p.Id == person.CanonicalId, ct);
            if (referral.People.Any(p => p.PersonId == person.Id))
            {
                errors.Add(new("School", "This person is already on the referral"));
            }
            else if (role == ReferralRole.Victim && referral.People.Any(p => p.Role == ReferralRole.Victim))
            {
                errors.Add(new("School", "This referral already has a victim"));
            }
        }

        if (role != ReferralRole.Child && text is not null)
        {
            errors.Add(new("School", "Only a child has a school"));
        }
        else if (text is { Length: > 200 })
        {
            errors.Add(new("School", "School must be 200 characters or fewer"));
        }

        if (errors.Count > 0)
        {
            return Result<ReferralPerson>.Fail(errors);
        }

        return await SaveAsync(referral, "School", async write =>
        {
            var row = new ReferralPerson { ReferralId = referral.Id, PersonId = person!.Id, Role = role, School = text, AddedAt = Now };
            db.ReferralPeople.Add(row);
            await db.SaveChangesAsync(ct);
            var policeIncident = ReferralNames.IsPoliceIncident(referral.Kind);
            await people.RecordInvolvementAsync(new PersonInvolvement
            {
                PersonId = person.Id, AreaId = referral.AreaId, Kind = policeIncident ? InvolvementKind.Incident : InvolvementKind.Referral,
                Role = ReferralNames.CaseRoleOf(role), OccurredAt = referral.ReceivedAt, Reference = referral.Reference, PoliceReported = policeIncident,
                RiskLevel = referral.Kind switch { ReferralKind.PoliceIncidentHigh or ReferralKind.ClaresLaw => RiskLevel.High, ReferralKind.PoliceIncidentMedium => RiskLevel.Medium, _ => null },
            }, write, ct);
            write.Record("referral.person-added", "Referral", Id(referral), after: new { row.PersonId, Role = role.ToString() });
            Timeline(referral, $"{role} added", Person.FormatReference(person.Id));
            if (role == ReferralRole.Victim && IsUnder16(person, London.DateOf(referral.ReceivedAt)))
            {
                Route(referral, ReferralRouting.ChildrensSafeguarding, write);
                Timeline(referral, "Routed to children's safeguarding", "The victim is under 16: not a MARAC referral");
            }

            return row;
        }, ct);
    }

    public static bool IsUnder16(Person person, DateOnly on)
    {
        if (person.DateOfBirth is DateOnly born)
        {
            return born.AddYears(MaracMinimumAge) > on;
        }

        return person.ApproximateAge is int age && person.AgeRecordedOn is DateOnly recorded
            && age + (on.Year - recorded.Year) < MaracMinimumAge;
    }

    public static string Criteria(ReferralCriteria criteria) =>
        string.Join(", ", ReferralNames.Criteria.Where(c => criteria.HasFlag(c)).Select(c => ReferralNames.Of(c).ToLowerInvariant()));

    private void Route(Referral referral, ReferralRouting routing, AuditedWrite write)
    {
        write.Record("referral.routed", "Referral", Id(referral), before: new { Routing = referral.Routing.ToString() }, after: new { Routing = routing.ToString() });
        referral.Routing = routing;
    }

    /// <summary>
    /// One audited transaction that first claims the referral's version, so of two people changing the same
    /// referral at once (two victims added, say) the second loses plainly and saves nothing.
    /// </summary>
    private async Task<Result<T>> SaveAsync<T>(Referral referral, string field, Func<AuditedWrite, Task<T>> work, CancellationToken ct)
    {
        await using var write = await audit.BeginAsync(ct);
        try
        {
            referral.Version++;
            await db.SaveChangesAsync(ct);
            var value = await work(write);
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            return Result<T>.Ok(value);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<T>.Fail(new FieldError(field, StaleMessage));
        }
    }

    /// <summary>The date received, at the time of entry when that is today, else midday UK time so the UK date is right.</summary>
    private static DateTime ReceivedAt(DateOnly date, DateTime now) =>
        London.DateOf(now) == date ? now
            : TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(12, 0)), London.Zone);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string Id(Referral r) => r.Id.ToString(CultureInfo.InvariantCulture);

    private void Timeline(Referral referral, string title, string? detail) =>
        db.ReferralEvents.Add(new ReferralEvent { ReferralId = referral.Id, At = Now, ByUserId = actor.ActorUserId, Title = title, Detail = detail });
}
