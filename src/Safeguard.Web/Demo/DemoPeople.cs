using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.People;

namespace Safeguard.Web.Demo;

/// <summary>
/// A handful of obviously fictional people for the demo: a victim known to DRAMM and MARAC whose history
/// shows a repeat window and potential escalation, her ex-partner, their child, and people in each area.
/// Postcode areas NT and SV do not exist; phone numbers are from Ofcom's range reserved for drama.
/// Dates are relative to today so the calculators always have something to say.
/// </summary>
public sealed class DemoPeople(SafeguardDbContext db, PersonService people, TimeProvider clock)
{
    public async Task SeedAsync(string userId, int north, int south, CancellationToken ct = default)
    {
        if (await db.People.AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        DateTime DaysAgo(int days) => now.Date.AddDays(-days).AddHours(14);

        var catherine = await AddAsync(userId, north, "Catherine", "Example", new DateOnly(1988, 4, 12), Gender.Female, Ethnicity.WhiteBritish,
            new NewAddress("Flat 2, 14 Sample Street", null, "Northtown", "NT1 4DE", new DateOnly(2021, 5, 1), null),
            ContactChannels.Letter | ContactChannels.HomeVisit, "07700 900123", "Weekdays 10:00 to 14:00, when the children are at school",
            [("Catherine", "Fictional", NameKind.Birth)], ct);
        var jordan = await AddAsync(userId, north, "Jordan", "Sample", new DateOnly(1985, 9, 30), Gender.Male, Ethnicity.WhiteOther,
            new NewAddress("7 Placeholder Road", null, "Northtown", "NT2 7GH", null, null), ContactChannels.None, null, null, [("Jay", "Sample", NameKind.Nickname)], ct);
        var mia = await AddAsync(userId, north, "Mia", "Example", new DateOnly(2016, 5, 20), Gender.Female, Ethnicity.MixedOther,
            new NewAddress("Flat 2, 14 Sample Street", null, "Northtown", "NT1 4DE", new DateOnly(2021, 5, 1), null), ContactChannels.None, null, null, [], ct);
        var priya = await AddAsync(userId, north, "Priya", "Placeholder", new DateOnly(1992, 1, 15), Gender.Female, Ethnicity.AsianIndian,
            new NewAddress("3 Demo Close", null, "Northtown", "NT3 2JK", null, null), ContactChannels.TextMessage, null, null, [], ct);
        await AddAsync(userId, south, "Kai", "Specimen", null, Gender.Male, Ethnicity.NotKnown,
            new NewAddress("21 Mock Lane", null, "Southvale", "SV2 3FG", null, null), ContactChannels.None, null, null, [], ct);

        await people.AddRelationshipAsync(catherine.Id, jordan.Id, RelationshipKind.ExPartner, userId, ct);
        await people.AddRelationshipAsync(catherine.Id, mia.Id, RelationshipKind.ParentOrCarerOf, userId, ct);
        await people.AddRelationshipAsync(jordan.Id, mia.Id, RelationshipKind.ParentOrCarerOf, userId, ct);
        await people.AddRelationshipAsync(catherine.Id, mia.Id, RelationshipKind.SameHousehold, userId, ct);

        var history = new (Person Who, CaseRole Role, InvolvementKind Kind, int DaysAgo, string Reference, RiskLevel? Risk)[]
        {
            (catherine, CaseRole.Victim, InvolvementKind.Incident, 300, "NT-INC-DEMO-0141", RiskLevel.Medium),
            (jordan, CaseRole.Perpetrator, InvolvementKind.Incident, 300, "NT-INC-DEMO-0141", null),
            (catherine, CaseRole.Victim, InvolvementKind.DrammHearing, 299, "DRAMM-DEMO-0141", RiskLevel.Medium),
            (catherine, CaseRole.Victim, InvolvementKind.Incident, 170, "NT-INC-DEMO-0388", RiskLevel.High),
            (jordan, CaseRole.Perpetrator, InvolvementKind.Incident, 170, "NT-INC-DEMO-0388", null),
            (mia, CaseRole.Child, InvolvementKind.Incident, 170, "NT-INC-DEMO-0388", null),
            (catherine, CaseRole.Victim, InvolvementKind.DrammHearing, 169, "DRAMM-DEMO-0388", RiskLevel.High),
            (catherine, CaseRole.Victim, InvolvementKind.MaracReferral, 169, "MARAC-REF-DEMO-0052", RiskLevel.High),
            (catherine, CaseRole.Victim, InvolvementKind.MaracHearing, 155, "MARAC-DEMO-0052", RiskLevel.High),
            (jordan, CaseRole.Perpetrator, InvolvementKind.MaracHearing, 155, "MARAC-DEMO-0052", null),
            (catherine, CaseRole.Victim, InvolvementKind.Incident, 20, "NT-INC-DEMO-0907", RiskLevel.Medium),
            (jordan, CaseRole.Perpetrator, InvolvementKind.Incident, 20, "NT-INC-DEMO-0907", null),
            (priya, CaseRole.Victim, InvolvementKind.Referral, 45, "NT-REF-DEMO-0210", RiskLevel.Medium),
            (priya, CaseRole.Victim, InvolvementKind.DrammHearing, 44, "DRAMM-DEMO-0210", RiskLevel.Standard),
        };
        foreach (var (who, role, kind, daysAgo, reference, risk) in history)
        {
            await people.RecordInvolvementAsync(new PersonInvolvement
            {
                PersonId = who.Id, AreaId = north, Kind = kind, Role = role, OccurredAt = DaysAgo(daysAgo), Reference = reference,
                RiskLevel = risk, PoliceReported = kind == InvolvementKind.Incident,
            }, ct);
        }
    }

    private async Task<Person> AddAsync(string userId, int area, string given, string family, DateOnly? born, Gender gender, Ethnicity ethnicity,
        NewAddress address, ContactChannels unsafeChannels, string? safePhone, string? safeTimes,
        IReadOnlyList<(string, string, NameKind)> otherNames, CancellationToken ct)
    {
        var details = new PersonDetails(born, born is null ? 40 : null, gender, ethnicity, Answer.NotKnown, SexualOrientation.NotKnown, Answer.NotKnown,
            safePhone, safeTimes, unsafeChannels, null);
        var receipt = new SearchReceipt(given, family, born, clock.GetUtcNow().UtcDateTime);
        var result = await people.CreateAsync(new NewPerson(given, family, details, otherNames, address, [], area), receipt, userId, ct);
        return result.Value ?? throw new InvalidOperationException("Demo person refused: " + string.Join("; ", result.Errors.Select(e => e.Message)));
    }
}
