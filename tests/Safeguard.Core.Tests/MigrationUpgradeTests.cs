using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.People;
using Safeguard.Tests;

namespace Safeguard.Core.Tests;

/// <summary>
/// A live database made by an earlier release must upgrade in place: data written at the previous migration
/// survives every later one (docs/adr/0002). Each new migration is checked from the one before it.
/// </summary>
public sealed class MigrationUpgradeTests
{
    [Fact]
    public async Task A_foundation_database_with_data_upgrades_to_the_person_index_keeping_its_rows()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261122020000_Foundation");
            db.Agencies.Add(new Agency { Name = "Upgrade Police", Kind = AgencyKind.Police, CreatedAt = DateTime.UtcNow });
            db.Areas.Add(new Area { Name = "Upgrade Area", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(["20261122140000_People"], await db.Database.GetPendingMigrationsAsync());
            await DatabaseSetup.MigrateAsync(db);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal("Upgrade Police", (await db.Agencies.SingleAsync()).Name);
            var area = await db.Areas.SingleAsync();
            var person = new Person { CreatedInAreaId = area.Id, CreatedAt = DateTime.UtcNow, Names = [new PersonName { GivenName = "Ada", FamilyName = "Example" }] };
            db.People.Add(person);
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.PersonNames.CountAsync());
        }
    }
}
