using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Safeguard.Core.Data;
using Safeguard.Core.Incidents;
using Safeguard.Core.Organisation;
using Safeguard.Core.People;
using Safeguard.Tests;

namespace Safeguard.Core.Tests.Incidents;

/// <summary>A database at the disclosures release, with data, upgrades to police incidents keeping its rows.</summary>
public sealed class IncidentMigrationTests
{
    [Fact]
    public async Task A_disclosures_database_upgrades_to_police_incidents_keeping_its_rows()
    {
        await using var database = await TestDatabase.CreateAsync();
        int personId, areaId, agencyId;
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261122200000_Disclosures");
            var agency = new Agency { Name = "Upgrade Police", Kind = AgencyKind.Police, CreatedAt = DateTime.UtcNow };
            var area = new Area { Name = "Upgrade Area", CreatedAt = DateTime.UtcNow };
            db.AddRange(agency, area);
            await db.SaveChangesAsync();
            var person = new Person { CreatedInAreaId = area.Id, CreatedAt = DateTime.UtcNow, Names = [new PersonName { GivenName = "Ada", FamilyName = "Example" }] };
            db.People.Add(person);
            await db.SaveChangesAsync();
            (personId, areaId, agencyId) = (person.Id, area.Id, agency.Id);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Contains("20261130110000_PoliceIncidents", await db.Database.GetPendingMigrationsAsync());
            await DatabaseSetup.MigrateAsync(db);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal("Ada", (await db.PersonNames.SingleAsync(n => n.PersonId == personId)).GivenName);
            db.PoliceIncidents.Add(new PoliceIncident
            {
                AgencyId = agencyId, IncidentReference = "UP-1", AreaId = areaId, OccurredAt = DateTime.UtcNow, ReportedAt = DateTime.UtcNow,
                RiskLevel = RiskLevel.High, VictimPersonId = personId, Summary = "Upgrade", OfficerCollarNumber = "1", RecordedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.PoliceIncidents.CountAsync(i => i.VictimPersonId == personId));
        }
    }
}
