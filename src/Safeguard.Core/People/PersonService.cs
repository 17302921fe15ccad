using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.People.Matching;

namespace Safeguard.Core.People;

/// <summary>A person as first recorded: the searched name, any other names, and what is known.</summary>
public sealed record NewPerson(
    string GivenName,
    string FamilyName,
    PersonDetails Details,
    IReadOnlyList<(string GivenName, string FamilyName, NameKind Kind)> OtherNames,
    NewAddress? Address,
    IReadOnlyList<(IdentifierScheme Scheme, string Value)> Identifiers,
    int AreaId);

/// <summary>Every change to a person record: validated, saved with its audit event in one transaction.</summary>
public sealed partial class PersonService(SafeguardDbContext db, AuditTrail audit, TimeProvider clock)
{
    public static readonly TimeSpan ReceiptLifetime = TimeSpan.FromMinutes(30);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public async Task<Result<Person>> CreateAsync(NewPerson input, SearchReceipt? receipt, string userId, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var today = London.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        if (receipt is null || now - receipt.SearchedAt > ReceiptLifetime || receipt.SearchedAt > now
            || NameText.Normalise(receipt.GivenName) != NameText.Normalise(input.GivenName)
            || NameText.Normalise(receipt.FamilyName) != NameText.Normalise(input.FamilyName)
            || (input.Details.DateOfBirth is not null && receipt.DateOfBirth != input.Details.DateOfBirth))
        {
            // The name or date of birth changed since the search, or the search is stale: search again first.
            return Result<Person>.Fail(new FieldError("GivenName", "Search for this person again before adding them: the search was for different details or is more than 30 minutes old"));
        }

        PersonRules.CheckName(input.GivenName, input.FamilyName, errors);
        PersonRules.CheckDetails(input.Details, today, errors);
        for (var i = 0; i < input.OtherNames.Count; i++)
        {
            PersonRules.CheckName(input.OtherNames[i].GivenName, input.OtherNames[i].FamilyName, errors, $"OtherNames[{i}].");
        }

        if (input.Address is not null)
        {
            PersonRules.CheckAddress(input.Address, today, errors);
        }

        foreach (var (scheme, value) in input.Identifiers)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > 100)
            {
                errors.Add(new("Identifiers", $"Enter the {DemographicNames.Of(scheme)} in 100 characters or fewer"));
            }
        }

        if (!await db.Areas.AnyAsync(a => a.Id == input.AreaId && a.IsActive, ct))
        {
            errors.Add(new("AreaId", "Select the area this person is recorded in"));
        }

        if (errors.Count > 0)
        {
            return Result<Person>.Fail(errors);
        }

        var person = new Person
        {
            CreatedInAreaId = input.AreaId,
            CreatedAt = now,
            CreatedByUserId = userId,
            Version = 1,
        };
        Apply(person, input.Details, today);
        person.Names.Add(new PersonName { GivenName = input.GivenName.Trim(), FamilyName = input.FamilyName.Trim(), Kind = NameKind.Current });
        person.Names.AddRange(input.OtherNames.Select(n => new PersonName { GivenName = n.GivenName.Trim(), FamilyName = n.FamilyName.Trim(), Kind = n.Kind }));
        if (input.Address is not null)
        {
            person.Addresses.Add(ToAddress(input.Address));
        }

        person.Identifiers.AddRange(input.Identifiers.Select(i => new PersonIdentifier { Scheme = i.Scheme, Value = i.Value.Trim() }));

        await using var write = await audit.BeginAsync(ct);
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        person.CanonicalId = person.Id;
        db.PersonAreas.Add(new PersonArea { PersonId = person.Id, AreaId = input.AreaId });
        AddKeys(person);
        await db.SaveChangesAsync(ct);
        write.Record("person.created", "Person", Id(person.Id), after: Describe(person));
        await write.CommitAsync(ct);
        return Result<Person>.Ok(person);
    }

    /// <summary>A person record with its names, addresses and identifiers, tracked for change.</summary>
    public Task<Person?> FindAsync(int id, CancellationToken ct = default) =>
        db.People.Include(p => p.Names).Include(p => p.Addresses).Include(p => p.Identifiers)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);

    public async Task<Result<Person>> UpdateDetailsAsync(int id, int version, PersonDetails details, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        PersonRules.CheckDetails(details, London.Today(clock), errors);
        if (errors.Count > 0)
        {
            return Result<Person>.Fail(errors);
        }

        return await ChangeAsync(id, version, "DateOfBirth", p => Apply(p, details, London.Today(clock)), ct);
    }

    public async Task<Result<Person>> AddNameAsync(int id, int version, string? given, string? family, NameKind kind, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        PersonRules.CheckName(given, family, errors);
        if (errors.Count > 0)
        {
            return Result<Person>.Fail(errors);
        }

        return await ChangeAsync(id, version, "GivenName", p =>
        {
            if (kind == NameKind.Current)
            {
                // One current name: the old one becomes a previous name, so it still finds them.
                foreach (var n in p.Names.Where(n => n.Kind == NameKind.Current))
                {
                    n.Kind = NameKind.Previous;
                }
            }

            p.Names.Add(new PersonName { GivenName = given!.Trim(), FamilyName = family!.Trim(), Kind = kind });
        }, ct);
    }

    public async Task<Result<Person>> AddAddressAsync(int id, int version, NewAddress address, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        PersonRules.CheckAddress(address, London.Today(clock), errors);
        if (errors.Count > 0)
        {
            return Result<Person>.Fail(errors);
        }

        return await ChangeAsync(id, version, "Line1", p => p.Addresses.Add(ToAddress(address)), ct);
    }

    public async Task<Result<Person>> AddIdentifierAsync(int id, int version, IdentifierScheme scheme, string? value, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > 100)
        {
            return Result<Person>.Fail(new FieldError("Value", "Enter the reference, in 100 characters or fewer"));
        }

        return await ChangeAsync(id, version, "Value", p =>
        {
            if (!p.Identifiers.Any(i => i.Scheme == scheme && i.Value == value.Trim()))
            {
                p.Identifiers.Add(new PersonIdentifier { Scheme = scheme, Value = value.Trim() });
            }
        }, ct);
    }

    private async Task<Result<Person>> ChangeAsync(int id, int version, string field, Action<Person> change, CancellationToken ct)
    {
        await using var write = await audit.BeginAsync(ct);
        var person = await FindAsync(id, ct);
        if (person is null)
        {
            return Result<Person>.Fail(new FieldError(field, "This person record no longer exists"));
        }

        if (person.Version != version)
        {
            return Result<Person>.Fail(new FieldError(field, "Someone else changed this person while you were editing. Reload the page to see their changes"));
        }

        var before = Describe(person);
        change(person);
        person.Version++;
        db.Entry(person).Property(p => p.Version).OriginalValue = version;
        await db.PersonMatchKeys.Where(k => k.PersonId == id).ExecuteDeleteAsync(ct);
        AddKeys(person);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Person>.Fail(new FieldError(field, "Someone else changed this person while you were editing. Reload the page to see their changes"));
        }

        write.Record("person.changed", "Person", Id(id), before: before, after: Describe(person));
        await write.CommitAsync(ct);
        return Result<Person>.Ok(person);
    }

    public async Task<Result<Relationship>> AddRelationshipAsync(int personId, int relatedPersonId, RelationshipKind kind, string userId, CancellationToken ct = default)
    {
        var ids = await db.People.Where(p => p.Id == personId || p.Id == relatedPersonId).Select(p => new { p.Id, p.CanonicalId }).ToListAsync(ct);
        var from = ids.FirstOrDefault(p => p.Id == personId);
        var to = ids.FirstOrDefault(p => p.Id == relatedPersonId);
        if (from is null || to is null)
        {
            return Result<Relationship>.Fail(new FieldError("RelatedPersonId", "Select the other person"));
        }

        if (from.CanonicalId == to.CanonicalId)
        {
            return Result<Relationship>.Fail(new FieldError("RelatedPersonId", "A person cannot be related to themselves"));
        }

        if (await db.Relationships.AnyAsync(r => r.Kind == kind
                && ((r.PersonId == personId && r.RelatedPersonId == relatedPersonId) || (r.PersonId == relatedPersonId && r.RelatedPersonId == personId && kind != RelationshipKind.ParentOrCarerOf)), ct))
        {
            return Result<Relationship>.Fail(new FieldError("Kind", "This relationship is already recorded"));
        }

        await using var write = await audit.BeginAsync(ct);
        var relationship = new Relationship { PersonId = personId, RelatedPersonId = relatedPersonId, Kind = kind, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedByUserId = userId };
        db.Relationships.Add(relationship);
        await db.SaveChangesAsync(ct);
        write.Record("relationship.added", "Person", Id(personId), after: new { relationship.Id, RelatedPerson = Person.FormatReference(relatedPersonId), Kind = kind.ToString() });
        await write.CommitAsync(ct);
        return Result<Relationship>.Ok(relationship);
    }

    /// <summary>
    /// Records that a person appears in a case. The case's area is added to the person's areas, so the
    /// people who work that case can see the person. Called by the features that own the cases.
    /// </summary>
    public async Task<PersonInvolvement> RecordInvolvementAsync(PersonInvolvement involvement, CancellationToken ct = default)
    {
        await using var write = await audit.BeginAsync(ct);
        await RecordInvolvementAsync(involvement, write, ct);
        await write.CommitAsync(ct);
        return involvement;
    }

    /// <summary>The same, inside a write the calling feature already holds: the case and the involvement commit together.</summary>
    public async Task RecordInvolvementAsync(PersonInvolvement involvement, AuditedWrite write, CancellationToken ct = default)
    {
        involvement.RecordedAt = clock.GetUtcNow().UtcDateTime;
        db.PersonInvolvements.Add(involvement);
        if (!await db.PersonAreas.AnyAsync(pa => pa.PersonId == involvement.PersonId && pa.AreaId == involvement.AreaId, ct)
            && !db.PersonAreas.Local.Any(pa => pa.PersonId == involvement.PersonId && pa.AreaId == involvement.AreaId))
        {
            db.PersonAreas.Add(new PersonArea { PersonId = involvement.PersonId, AreaId = involvement.AreaId });
        }

        await db.SaveChangesAsync(ct);
        write.Record("person.involvement-recorded", "Person", Id(involvement.PersonId), after: new
        {
            involvement.Id, Kind = involvement.Kind.ToString(), Role = involvement.Role.ToString(), involvement.Reference, involvement.OccurredAt,
            RiskLevel = involvement.RiskLevel?.ToString(), involvement.PoliceReported, involvement.AreaId,
        });
    }

    internal void AddKeys(Person person) =>
        db.PersonMatchKeys.AddRange(MatchKeys.For(person).Select(k => new PersonMatchKey { Key = k, PersonId = person.Id }));

    private static void Apply(Person p, PersonDetails d, DateOnly today)
    {
        p.DateOfBirth = d.DateOfBirth;
        p.ApproximateAge = d.DateOfBirth is null ? d.ApproximateAge : null;
        p.AgeRecordedOn = p.ApproximateAge is null ? null : (p.ApproximateAge == d.ApproximateAge && p.AgeRecordedOn is not null ? p.AgeRecordedOn : today);
        p.Gender = d.Gender;
        p.Ethnicity = d.Ethnicity;
        p.Disability = d.Disability;
        p.SexualOrientation = d.SexualOrientation;
        p.Lgbt = d.Lgbt;
        p.SafePhone = Blank(d.SafePhone);
        p.SafeTimes = Blank(d.SafeTimes);
        p.UnsafeChannels = d.UnsafeChannels;
        p.SafeContactNotes = Blank(d.SafeContactNotes);
    }

    private static PersonAddress ToAddress(NewAddress a) => new()
    {
        Line1 = a.Line1!.Trim(),
        Line2 = Blank(a.Line2),
        Town = Blank(a.Town),
        Postcode = PersonRules.FormatPostcode(a.Postcode),
        From = a.From,
        To = a.To,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The record as the audit trail keeps it, before and after a change.</summary>
    internal static object Describe(Person p) => new
    {
        Names = p.Names.Select(n => new { n.GivenName, n.FamilyName, Kind = n.Kind.ToString() }),
        p.DateOfBirth,
        p.ApproximateAge,
        Gender = p.Gender.ToString(),
        Ethnicity = p.Ethnicity.ToString(),
        Disability = p.Disability.ToString(),
        SexualOrientation = p.SexualOrientation.ToString(),
        Lgbt = p.Lgbt.ToString(),
        p.SafePhone,
        p.SafeTimes,
        UnsafeChannels = p.UnsafeChannels.ToString(),
        Addresses = p.Addresses.Select(a => new { a.Line1, a.Line2, a.Town, a.Postcode, a.From, a.To }),
        Identifiers = p.Identifiers.Select(i => new { Scheme = i.Scheme.ToString(), i.Value }),
    };
}
