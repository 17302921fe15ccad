using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.People;

namespace Safeguard.Core.Tests.People;

/// <summary>A migrated database with two areas and a user, and a quick way to add people through the real service.</summary>
public abstract class PeopleFixture : IAsyncLifetime
{
    protected CoreHost Host { get; private set; } = null!;
    protected (int Agency, int AreaA, int AreaB) Org { get; private set; }
    protected string UserId { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await CoreHost.StartAsync();
        Host.Clock.Set(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        Org = await Host.SeedOrganisationAsync();
        using var scope = Host.Scope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(new UserDetails("Casey Worker", "casey.worker@example.org", Org.Agency, [Org.AreaA, Org.AreaB], [Roles.MaracCoordinator]), null);
        UserId = created.Value!.User.Id;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    protected static PersonDetails Details(DateOnly? born = null, Gender gender = Gender.NotKnown, ContactChannels unsafeChannels = ContactChannels.None) =>
        new(born, null, gender, Ethnicity.NotKnown, Answer.NotKnown, SexualOrientation.NotKnown, Answer.NotKnown, null, null, unsafeChannels, null);

    protected async Task<Person> AddAsync(string given, string family, DateOnly? born = null, int? area = null,
        string? postcode = null, ContactChannels unsafeChannels = ContactChannels.None)
    {
        using var scope = Host.Scope();
        var receipt = new SearchReceipt(given, family, born, Host.Clock.GetUtcNow().UtcDateTime);
        var address = postcode is null ? null : new NewAddress("14 Mill Road", null, "Northtown", postcode, null, null);
        var result = await scope.ServiceProvider.GetRequiredService<PersonService>().CreateAsync(
            new NewPerson(given, family, Details(born, unsafeChannels: unsafeChannels), [], address, [], area ?? Org.AreaA), receipt, UserId);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Value!;
    }

    protected async Task<PersonInvolvement> InvolveAsync(int personId, InvolvementKind kind, DateTime at, CaseRole role = CaseRole.Victim,
        bool police = true, RiskLevel? risk = null, int? area = null)
    {
        using var scope = Host.Scope();
        return await scope.ServiceProvider.GetRequiredService<PersonService>().RecordInvolvementAsync(new PersonInvolvement
        {
            PersonId = personId, AreaId = area ?? Org.AreaA, Kind = kind, Role = role, OccurredAt = at,
            Reference = "REF-" + at.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)[^6..], PoliceReported = police, RiskLevel = risk,
        });
    }
}
