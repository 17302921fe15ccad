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
            Assert.Equal(["20261122140000_People", "20261122200000_Disclosures"], (await db.Database.GetPendingMigrationsAsync()).Take(2));
            await db.GetService<IMigrator>().MigrateAsync("20261122140000_People");
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(["20261122200000_Disclosures"], (await db.Database.GetPendingMigrationsAsync()).Take(1));
            Assert.Equal("Upgrade Police", (await db.Agencies.SingleAsync()).Name);
            var area = await db.Areas.SingleAsync();
            var person = new Person { CreatedInAreaId = area.Id, CreatedAt = DateTime.UtcNow, Names = [new PersonName { GivenName = "Ada", FamilyName = "Example" }] };
            db.People.Add(person);
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.PersonNames.CountAsync());
        }
    }

    [Fact]
    public async Task A_person_index_database_with_people_upgrades_to_disclosures_keeping_its_rows()
    {
        await using var database = await TestDatabase.CreateAsync();
        int personId;
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261122140000_People");
            var area = new Area { Name = "Upgrade Area", CreatedAt = DateTime.UtcNow };
            db.Areas.Add(area);
            await db.SaveChangesAsync();
            var person = new Person { CreatedInAreaId = area.Id, CreatedAt = DateTime.UtcNow, Names = [new PersonName { GivenName = "Ada", FamilyName = "Example" }] };
            db.People.Add(person);
            await db.SaveChangesAsync();
            personId = person.Id;
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(["20261122200000_Disclosures"], (await db.Database.GetPendingMigrationsAsync()).Take(1));
            await DatabaseSetup.MigrateAsync(db);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal("Ada", (await db.PersonNames.SingleAsync(n => n.PersonId == personId)).GivenName);
            db.DisclosureSchemes.Add(new Safeguard.Core.Disclosures.DisclosureScheme { Scheme = Safeguard.Core.Disclosures.Scheme.Dvds, Route = Safeguard.Core.Disclosures.Route.RightToAsk, Version = 1 });
            await db.SaveChangesAsync();
            var scheme = await db.DisclosureSchemes.SingleAsync();
            var app = new Safeguard.Core.Disclosures.DisclosureApplication
            {
                SchemeId = scheme.Id, AreaId = (await db.Areas.SingleAsync()).Id, WhatPrompted = "Upgrade", ReceivedAt = DateTime.UtcNow,
                StageEnteredAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow, DueAt = DateTime.UtcNow.AddDays(28), Version = 1,
                People = [new Safeguard.Core.Disclosures.ApplicationPerson { PersonId = personId, Role = Safeguard.Core.Disclosures.ApplicationRole.Subject, AddedAt = DateTime.UtcNow }],
            };
            db.DisclosureApplications.Add(app);
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.ApplicationPeople.CountAsync(p => p.PersonId == personId));
        }
    }
}
