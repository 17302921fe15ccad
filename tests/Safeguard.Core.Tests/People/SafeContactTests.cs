using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Data;
using Safeguard.Core.People;

namespace Safeguard.Core.Tests.People;

public sealed class SafeContactTests : PeopleFixture
{
    [Fact]
    public async Task An_unsafe_channel_is_refused_audited_and_not_recorded()
    {
        var person = await AddAsync("Sarah", "Jones", new DateOnly(1990, 1, 2), unsafeChannels: ContactChannels.Letter | ContactChannels.HomeVisit);
        using var scope = Host.Scope();
        var contact = scope.ServiceProvider.GetRequiredService<SafeContact>();

        var letter = await contact.RecordContactAsync(person.Id, ContactChannels.Letter, Host.Clock.GetUtcNow().UtcDateTime, "Wrote to her", UserId);
        var call = await contact.RecordContactAsync(person.Id, ContactChannels.Phone, Host.Clock.GetUtcNow().UtcDateTime, "Called at the safe time", UserId);

        Assert.Equal("Do not contact this person by letter: it is marked as unsafe", letter.Errors.Single().Message);
        Assert.True(call.Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        Assert.Equal(ContactChannels.Phone, (await db.PersonContacts.SingleAsync()).Channel);
        Assert.Equal("Letter", (await db.AuditEvents.SingleAsync(e => e.Action == "person.contact-refused")).Summary);
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "person.contacted"));
    }

    [Fact]
    public async Task A_channel_unsafe_on_any_merged_record_is_unsafe_for_the_person()
    {
        var a = await AddAsync("Sarah", "Jones", new DateOnly(1990, 1, 2));
        var b = await AddAsync("Sara", "Jones", new DateOnly(1990, 1, 2), unsafeChannels: ContactChannels.TextMessage);
        using var scope = Host.Scope();
        await scope.ServiceProvider.GetRequiredService<PersonMerging>().MergeAsync(a.Id, b.Id, "Same person", UserId);
        var contact = scope.ServiceProvider.GetRequiredService<SafeContact>();

        var text = await contact.RecordContactAsync(a.Id, ContactChannels.TextMessage, Host.Clock.GetUtcNow().UtcDateTime, null, UserId);

        Assert.False(text.Succeeded);
        Assert.Equal(ContactChannels.TextMessage, await contact.UnsafeChannelsAsync(a.Id));
    }

    [Fact]
    public async Task A_contact_in_the_future_or_without_a_channel_is_refused()
    {
        var person = await AddAsync("Sarah", "Jones", new DateOnly(1990, 1, 2));
        using var scope = Host.Scope();
        var contact = scope.ServiceProvider.GetRequiredService<SafeContact>();
        Assert.Equal("OccurredAt", (await contact.RecordContactAsync(person.Id, ContactChannels.Phone, Host.Clock.GetUtcNow().UtcDateTime.AddDays(1), null, UserId)).Errors.Single().Field);
        Assert.Equal("Channel", (await contact.RecordContactAsync(person.Id, ContactChannels.None, Host.Clock.GetUtcNow().UtcDateTime, null, UserId)).Errors.Single().Field);
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().PersonContacts.CountAsync());
    }
}
