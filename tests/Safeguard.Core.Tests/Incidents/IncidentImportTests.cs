using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Data;
using Safeguard.Core.Incidents;
using Safeguard.Core.People;

namespace Safeguard.Core.Tests.Incidents;

/// <summary>Upload, preview and confirm through the real services, on this run's database.</summary>
public sealed class IncidentImportTests : IncidentFixture
{
    [Fact]
    public async Task Nothing_is_saved_before_confirm_and_confirm_saves_only_the_good_rows()
    {
        var import = await StageAsync(File(Row("WY-1"), Row("WY-2", (IncidentCsv.RiskLevel, "extreme")), Row("WY-3")));
        Assert.Equal(32, import.Token.Length);
        Assert.Equal((3, 2, 1), (import.DataRows, import.GoodRows, import.BadRows));
        Assert.Equal(0, await CountAsync(db => db.PoliceIncidents));
        Assert.Equal(0, await CountAsync(db => db.People));

        var preview = await PreviewAsync(import.Token);
        Assert.Equal(2, preview.ToImport);
        Assert.Equal(3, Assert.Single(preview.Bad).Line);
        Assert.Equal(0, await CountAsync(db => db.PoliceIncidents));

        var outcome = await ConfirmAsync(import.Token);
        Assert.Equal(new ImportOutcome(2, 0, 1), outcome);
        var saved = await WithAsync(s => s.GetRequiredService<SafeguardDbContext>().PoliceIncidents.AsNoTracking().OrderBy(i => i.Id).ToListAsync());
        Assert.Equal(["WY-1", "WY-3"], saved.Select(i => i.IncidentReference));
        Assert.All(saved, i => Assert.Equal((Org.Agency, Org.AreaA, IncidentSource.CsvImport, UserId), (i.AgencyId, i.AreaId, i.Source, i.RecordedByUserId)));
        Assert.Equal((true, 2), (saved[0].ChildrenLinked, saved[0].ChildrenCount));

        var done = await WithAsync(s => s.GetRequiredService<SafeguardDbContext>().IncidentImports.AsNoTracking().SingleAsync());
        Assert.Equal(ImportStatus.Confirmed, done.Status);
        Assert.Empty(done.Content);
        Assert.Null(await WithAsync(s => s.GetRequiredService<IncidentImports>().PreviewAsync(import.Token, Importer)));
    }

    [Fact]
    public async Task A_second_confirm_of_the_same_upload_imports_nothing()
    {
        var import = await StageAsync(File(Row("WY-1")));
        await ConfirmAsync(import.Token);
        var again = await WithAsync(s => s.GetRequiredService<IncidentImports>().ConfirmAsync(import.Token, Importer));
        Assert.False(again.Succeeded);
        Assert.Equal(1, await CountAsync(db => db.PoliceIncidents));
    }

    [Fact]
    public async Task References_already_in_the_database_are_reported_and_not_doubled()
    {
        await ConfirmAsync((await StageAsync(File(Row("WY-1"), Row("WY-2")))).Token);
        var second = await StageAsync(File(Row("WY-2"), Row("WY-3"), Row("WY-3")));
        var preview = await PreviewAsync(second.Token);
        Assert.Equal(1, preview.ToImport);
        Assert.Equal(2, Assert.Single(preview.AlreadyRecorded).Line);
        Assert.Equal(4, Assert.Single(preview.Bad).Line);

        var outcome = await ConfirmAsync(second.Token);
        Assert.Equal(new ImportOutcome(1, 1, 1), outcome);
        Assert.Equal(3, await CountAsync(db => db.PoliceIncidents));
    }

    [Fact]
    public async Task Another_users_upload_is_not_found()
    {
        var import = await StageAsync(File(Row("WY-1")));
        var other = Importer with { UserId = "someone-else" };
        Assert.Null(await WithAsync(s => s.GetRequiredService<IncidentImports>().PreviewAsync(import.Token, other)));
        Assert.False((await WithAsync(s => s.GetRequiredService<IncidentImports>().ConfirmAsync(import.Token, other))).Succeeded);
        Assert.Equal(0, await CountAsync(db => db.PoliceIncidents));
    }

    [Fact]
    public async Task Files_refused_whole_are_not_staged()
    {
        var refused = await WithAsync(s => s.GetRequiredService<IncidentImports>().StageAsync(System.Text.Encoding.UTF8.GetBytes("incident_reference\nWY-1\n"), Importer));
        Assert.False(refused.Succeeded);
        Assert.Contains("missing the columns", refused.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("File", refused.Errors[0].Field);
        Assert.Equal(0, await CountAsync(db => db.IncidentImports));
    }

    [Fact]
    public async Task People_are_matched_on_exact_name_and_date_of_birth_or_added_and_their_involvements_recorded()
    {
        int existing;
        using (var scope = Host.Scope())
        {
            var receipt = new SearchReceipt("Testa", "Fictional", new DateOnly(1990, 3, 27), Host.Clock.GetUtcNow().UtcDateTime);
            var made = await scope.ServiceProvider.GetRequiredService<PersonService>().CreateAsync(new NewPerson("Testa", "Fictional",
                new PersonDetails(new DateOnly(1990, 3, 27), null, Gender.Female, Ethnicity.NotKnown, Answer.NotKnown, SexualOrientation.NotKnown, Answer.NotKnown, null, null, ContactChannels.None, null),
                [], null, [], Org.AreaB), receipt, UserId);
            existing = made.Value!.Id;
        }

        // Three incidents about the same victim (one typed in capitals), one about a namesake born on another day, one with no date of birth.
        await ConfirmAsync((await StageAsync(File(
            Row("WY-1"),
            Row("WY-2", (IncidentCsv.VictimGivenName, "TESTA"), (IncidentCsv.OccurredAt, "2026-10-01 10:00"), (IncidentCsv.ReportedAt, "2026-10-01 11:00")),
            Row("WY-3", (IncidentCsv.OccurredAt, "2026-09-01 10:00"), (IncidentCsv.ReportedAt, "2026-09-01 11:00")),
            Row("WY-4", (IncidentCsv.VictimDateOfBirth, "1991-03-27")),
            Row("WY-5", (IncidentCsv.VictimDateOfBirth, ""))))).Token);

        var incidents = await WithAsync(s => s.GetRequiredService<SafeguardDbContext>().PoliceIncidents.AsNoTracking().OrderBy(i => i.IncidentReference).ToListAsync());
        Assert.All(incidents.Take(3), i => Assert.Equal(existing, i.VictimPersonId));
        Assert.NotEqual(existing, incidents[3].VictimPersonId);
        Assert.NotEqual(existing, incidents[4].VictimPersonId);
        // The perpetrator is the same new person in all five incidents.
        Assert.Single(incidents.Select(i => i.PerpetratorPersonId).Distinct());
        Assert.Equal(1 + 3, await CountAsync(db => db.People));

        using (var scope = Host.Scope())
        {
            var history = await scope.ServiceProvider.GetRequiredService<RiskHistory>().InvolvementsAsync(existing, null);
            Assert.Equal(3, history.Count);
            Assert.All(history, i => Assert.Equal((InvolvementKind.Incident, CaseRole.Victim, true, RiskLevel.High), (i.Kind, i.Role, i.PoliceReported, i.RiskLevel)));
            var escalation = RiskHistory.Escalation(history, Start.UtcDateTime);
            Assert.True(escalation.IsPotentialEscalation);

            // The incident's area is added to the matched person's areas, so the people who work it can see them.
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            Assert.True(await db.PersonAreas.AnyAsync(pa => pa.PersonId == existing && pa.AreaId == Org.AreaA));
            var perpetrator = incidents[0].PerpetratorPersonId!.Value;
            Assert.Equal(5, await db.PersonInvolvements.CountAsync(i => i.PersonId == perpetrator && i.Role == CaseRole.Perpetrator));
            Assert.True(await db.PersonMatchKeys.AnyAsync(k => k.PersonId == perpetrator));
            Assert.Equal(perpetrator, (await db.People.SingleAsync(p => p.Id == perpetrator)).CanonicalId);
        }
    }

    [Fact]
    public async Task Each_step_is_audited_without_names_and_the_chain_holds()
    {
        var import = await StageAsync(File(Row("WY-1")));
        await PreviewAsync(import.Token);
        await ConfirmAsync(import.Token);
        using var scope = Host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var actions = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        Assert.Contains("incident.import-uploaded", actions);
        Assert.Contains("incident.import-previewed", actions);
        Assert.Contains("incident.recorded", actions);
        Assert.Contains("incident.import-confirmed", actions);
        Assert.Equal(2, actions.Count(a => a == "person.created"));
        var recorded = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == "incident.recorded");
        Assert.DoesNotContain("Fictional", recorded.After, StringComparison.Ordinal);
        Assert.DoesNotContain("neighbours", recorded.After, StringComparison.Ordinal);
        Assert.True((await scope.ServiceProvider.GetRequiredService<Safeguard.Core.Audit.AuditChainVerifier>().VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Discarding_clears_the_held_file_and_imports_nothing()
    {
        var import = await StageAsync(File(Row("WY-1")));
        Assert.True(await WithAsync(s => s.GetRequiredService<IncidentImports>().DiscardAsync(import.Token, UserId)));
        var held = await WithAsync(s => s.GetRequiredService<SafeguardDbContext>().IncidentImports.AsNoTracking().SingleAsync());
        Assert.Equal(ImportStatus.Discarded, held.Status);
        Assert.Empty(held.Content);
        Assert.False((await WithAsync(s => s.GetRequiredService<IncidentImports>().ConfirmAsync(import.Token, Importer))).Succeeded);
        Assert.Equal(0, await CountAsync(db => db.PoliceIncidents));
    }

    [Fact]
    public async Task An_upload_not_confirmed_within_a_day_expires_and_its_file_is_cleared_at_the_next_upload()
    {
        var old = await StageAsync(File(Row("WY-1")));
        Host.Clock.Advance(TimeSpan.FromHours(25));
        Assert.Null(await WithAsync(s => s.GetRequiredService<IncidentImports>().PreviewAsync(old.Token, Importer)));
        await StageAsync(File(Row("WY-2")));
        var held = await WithAsync(s => s.GetRequiredService<SafeguardDbContext>().IncidentImports.AsNoTracking().SingleAsync(i => i.Id == old.Id));
        Assert.Equal(ImportStatus.Discarded, held.Status);
        Assert.Empty(held.Content);
    }
}
