using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.People.Matching;

namespace Safeguard.Web.Tests.People;

/// <summary>People recorded through the real services (search, then create), as the pages would, for tests to find.</summary>
public static class PeopleData
{
    public static async Task<int> AddPersonAsync(this SafeguardApp app, string given, string family, DateOnly? dateOfBirth, int areaId,
        ContactChannels unsafeChannels = ContactChannels.None, string? postcode = null, Gender gender = Gender.Female)
    {
        using var scope = app.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<PersonSearch>();
        var receipt = (await search.SearchAsync(new MatchQuery(given, family, dateOfBirth), null)).Receipt;
        var details = new PersonDetails(dateOfBirth, null, gender, Ethnicity.NotKnown, Answer.NotKnown, SexualOrientation.NotKnown,
            Answer.NotKnown, null, null, unsafeChannels, null);
        var address = postcode is null ? null : new NewAddress("1 High Street", null, "Testtown", postcode, null, null);
        var result = await scope.ServiceProvider.GetRequiredService<PersonService>()
            .CreateAsync(new NewPerson(given, family, details, [], address, [], areaId), receipt, "test");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!.Id;
    }

    public static async Task RecordInvolvementAsync(this SafeguardApp app, int personId, int areaId, InvolvementKind kind, DateTime occurredAt,
        string reference, RiskLevel? risk = null, bool policeReported = false)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PersonService>().RecordInvolvementAsync(new PersonInvolvement
        {
            PersonId = personId, AreaId = areaId, Kind = kind, Role = CaseRole.Victim, OccurredAt = occurredAt,
            Reference = reference, RiskLevel = risk, PoliceReported = policeReported,
        });
    }

    public static Task<int> CountPeopleNamedAsync(this SafeguardApp app, string family) =>
        app.WithDbAsync(db => db.PersonNames.CountAsync(n => n.FamilyName == family));

    public static Task<bool> AuditedAsync(this SafeguardApp app, string action, string? recordId = null, string? actor = null) =>
        app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == action
            && (recordId == null || e.RecordId == recordId) && (actor == null || e.ActorUserId == actor)));

    /// <summary>A token for a new user with the given roles and areas.</summary>
    public static async Task<(TestUser User, string Token)> IssueTokenAsync(this SafeguardApp app, string[] roles, int[] areas, string[] scopes)
    {
        var user = await app.CreateUserAsync(roles, areas);
        using var scope = app.Services.CreateScope();
        var owner = await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Users.SingleAsync(u => u.Id == user.Id);
        var issued = await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
            .IssueAsync(owner, "Records system", scopes, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), "test");
        return (user, issued.Value!.Secret);
    }

    /// <summary>Unique surnames per test, so tests sharing one database do not find each other's people.</summary>
    public static string UniqueName()
    {
        const string consonants = "bcdfghjklmnprstvz";
        const string vowels = "aeiou";
        var letters = Enumerable.Range(0, 10).Select(i => i % 2 == 0 ? consonants[Random.Shared.Next(consonants.Length)] : vowels[Random.Shared.Next(vowels.Length)]);
        var name = new string(letters.ToArray());
        return char.ToUpperInvariant(name[0]) + name[1..];
    }
}
