using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Reporting;
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
            Assert.Equal("20261122200000_Disclosures", (await db.Database.GetPendingMigrationsAsync()).First());
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
            Assert.Equal("20261122200000_Disclosures", (await db.Database.GetPendingMigrationsAsync()).First());
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

    [Fact]
    public async Task A_disclosures_database_with_closed_work_upgrades_and_its_figures_are_rolled_up_at_startup()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261122200000_Disclosures");
            var area = new Area { Name = "Upgrade Area", CreatedAt = DateTime.UtcNow };
            var scheme = new DisclosureScheme { Scheme = Scheme.Dvds, Route = Route.RightToAsk, Version = 1 };
            db.AddRange(area, scheme);
            await db.SaveChangesAsync();
            var received = new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);
            db.DisclosureApplications.Add(new DisclosureApplication
            {
                SchemeId = scheme.Id, Scheme = Scheme.Dvds, Route = Route.RightToAsk, AreaId = area.Id, WhatPrompted = "Upgrade", ReceivedAt = received,
                StageEnteredAt = received.AddDays(12), Stage = DisclosureStage.Closed, ClosedAt = received.AddDays(12), Outcome = DisclosureOutcome.DisclosureMade,
                CreatedAt = received, DueAt = received.AddDays(28), Version = 3,
            });
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal("20261130090000_DisclosureFigureCells", (await db.Database.GetPendingMigrationsAsync()).First());
            await DatabaseSetup.MigrateAsync(db);
            Assert.Empty(await db.FigureCells.ToListAsync());
            await new FigureCells(db).EnsureBuiltAsync();
        }

        await using (var db = database.CreateContext())
        {
            var cells = await db.FigureCells.ToListAsync();
            Assert.Equal(1, cells.Single(c => c.Measure == FigureMeasure.Received).Count);
            Assert.Equal(120, cells.Single(c => c.Measure == FigureMeasure.DaysToClose).Tenths);
            Assert.Equal(new DateOnly(2026, 3, 1), cells.Single(c => c.Measure == FigureMeasure.Disclosed).Month);
            // A second start finds the roll-up built and leaves it alone.
            await new FigureCells(db).EnsureBuiltAsync();
            Assert.Equal(cells.Count, await db.FigureCells.CountAsync());
        }
    }

    [Fact]
    public async Task A_figure_cells_database_with_people_upgrades_to_referrals_keeping_its_rows()
    {
        await using var database = await TestDatabase.CreateAsync();
        int personId;
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261130090000_DisclosureFigureCells");
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
            Assert.Equal("20261130100000_Referrals", (await db.Database.GetPendingMigrationsAsync()).First());
            await DatabaseSetup.MigrateAsync(db);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal("Ada", (await db.PersonNames.SingleAsync(n => n.PersonId == personId)).GivenName);
            var referral = new Safeguard.Core.Referrals.Referral
            {
                AreaId = (await db.Areas.SingleAsync()).Id, ReceivedAt = DateTime.UtcNow, ReferrerName = "R", ReferrerAgency = "A", ReferrerRole = "Role",
                ReferrerContact = "01632 960000", Reason = "Upgrade", CreatedAt = DateTime.UtcNow, Version = 1,
                People = [new Safeguard.Core.Referrals.ReferralPerson { PersonId = personId, Role = Safeguard.Core.Referrals.ReferralRole.Victim, AddedAt = DateTime.UtcNow }],
            };
            db.Referrals.Add(referral);
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.ReferralPeople.CountAsync(p => p.PersonId == personId));
        }
    }
}
