using Safeguard.Core.Disclosures;

namespace Safeguard.Core.Tests.Disclosures;

/// <summary>Allocation goes to CRU staff of the application's area, and a change of hands is recorded as such.</summary>
public sealed class AllocationTests : DisclosureFixture
{
    [Fact]
    public async Task Allocating_to_a_CRU_member_of_the_area_then_reassigning_is_recorded()
    {
        var app = await CreateAsync(Scheme.Dvds, Route.RightToAsk);
        var first = await As(Supervisor, s => s.AllocateAsync(app.Id, app.Version, Researcher));
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        var allocated = await ReloadAsync(app.Id);
        Assert.Equal(Researcher, allocated.OwnerUserId);
        Assert.Equal(app.Version + 1, allocated.Version);

        Assert.True((await As(Supervisor, s => s.AllocateAsync(app.Id, allocated.Version, DecisionMaker))).Succeeded);
        Assert.Equal(DecisionMaker, (await ReloadAsync(app.Id)).OwnerUserId);
        var titles = await EventTitlesAsync(app.Id);
        Assert.Equal(["Application received", "Allocated", "Reassigned"], titles);
        Assert.Equal(2, (await AuditAsync("disclosure.allocated")).Count);
    }

    [Fact]
    public async Task A_user_of_another_area_or_outside_the_CRU_cannot_be_allocated()
    {
        var app = await CreateAsync(Scheme.Dvds, Route.RightToAsk);
        AssertError(await As(Supervisor, s => s.AllocateAsync(app.Id, app.Version, ResearcherB)), "OwnerUserId");
        AssertError(await As(Supervisor, s => s.AllocateAsync(app.Id, app.Version, ControlRoom)), "OwnerUserId");
        AssertError(await As(Supervisor, s => s.AllocateAsync(app.Id, app.Version, null)), "OwnerUserId");
        AssertError(await As(Supervisor, s => s.AllocateAsync(app.Id, app.Version, "no-such-user")), "OwnerUserId");
        var after = await ReloadAsync(app.Id);
        Assert.Null(after.OwnerUserId);
        Assert.Equal(app.Version, after.Version);
    }

    [Fact]
    public async Task Allocating_to_the_current_owner_again_is_refused()
    {
        var app = await CreateAsync(Scheme.Dvds, Route.RightToAsk);
        await As(Supervisor, s => s.AllocateAsync(app.Id, app.Version, Officer));
        var allocated = await ReloadAsync(app.Id);
        AssertError(await As(Supervisor, s => s.AllocateAsync(app.Id, allocated.Version, Officer)), "OwnerUserId");
        Assert.Equal(allocated.Version, (await ReloadAsync(app.Id)).Version);
    }

    [Fact]
    public async Task The_allocatable_users_are_the_CRU_of_the_area_and_the_officers_are_the_disclosure_officers()
    {
        using var scope = Host.Scope();
        var service = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<DisclosureService>(scope.ServiceProvider);
        var cru = service.AllocatableUsers(Org.AreaA).Select(u => u.Id).ToHashSet();
        Assert.Equal(new HashSet<string> { Researcher, DecisionMaker, Supervisor, Officer }, cru);
        Assert.Equal([ResearcherB], service.AllocatableUsers(Org.AreaB).Select(u => u.Id).ToList());
        Assert.Equal([Officer], service.DisclosureOfficers(Org.AreaA).Select(u => u.Id).ToList());
    }
}
