using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Disclosures;

namespace Safeguard.Core.Tests.Disclosures;

/// <summary>A submitting system's reference makes a retried submission return the first application.</summary>
public sealed class ClientReferenceTests : DisclosureFixture
{
    [Fact]
    public async Task A_second_submission_with_the_same_client_reference_returns_the_first_application()
    {
        var input = Contact(Scheme.Dvds, Route.RightToAsk, Start.UtcDateTime.AddHours(-1), Org.AreaA, clientReference: "WEB-123");
        var first = await As(ControlRoom, s => s.CreateAsync(input));
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));

        var again = await As(ControlRoom, s => s.CreateAsync(input));
        Assert.True(again.Succeeded, string.Join("; ", again.Errors));
        Assert.Equal(first.Value!.Id, again.Value!.Id);
        Assert.Equal(1, await Db(db => db.DisclosureApplications.CountAsync()));
        Assert.Single(await AuditAsync("disclosure.created"));
        Assert.Single(await EventTitlesAsync(first.Value.Id));
    }

    [Fact]
    public async Task Different_client_references_or_none_make_separate_applications()
    {
        var received = Start.UtcDateTime.AddHours(-1);
        foreach (var reference in new[] { "WEB-1", "WEB-2", null, null })
        {
            var result = await As(ControlRoom, s => s.CreateAsync(Contact(Scheme.Dvds, Route.RightToAsk, received, Org.AreaA, clientReference: reference)));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        }

        Assert.Equal(4, await Db(db => db.DisclosureApplications.CountAsync()));
    }

    [Fact]
    public async Task A_client_reference_over_100_characters_is_refused()
    {
        var result = await As(ControlRoom, s => s.CreateAsync(Contact(Scheme.Dvds, Route.RightToAsk, Start.UtcDateTime.AddHours(-1), Org.AreaA, clientReference: new string('r', 101))));
        AssertError(result, "ClientReference");
    }
}
