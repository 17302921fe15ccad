using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Audit;
using Safeguard.Core.Dramm;
using Safeguard.Core.Incidents;
using Safeguard.Core.Tests.Incidents;

namespace Safeguard.Core.Tests.Dramm;

/// <summary>Police incidents imported after Monday's release go on Tuesday's list, each by its own rule.</summary>
public sealed class DrammIncidentListTests : IncidentFixture
{
    [Fact]
    public async Task Imported_incidents_join_the_next_list_by_their_risk_children_and_consent()
    {
        Host.Clock.Set(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        var staged = await StageAsync(File(
            Row("INC-HIGH"),
            Row("INC-MEDIUM-CONSENT", (IncidentCsv.RiskLevel, "medium"), (IncidentCsv.ChildrenLinked, "no"), (IncidentCsv.ChildrenCount, ""), (IncidentCsv.VictimConsented, "yes"),
                (IncidentCsv.VictimGivenName, "Other"), (IncidentCsv.VictimDateOfBirth, "1985-01-01")),
            Row("INC-MEDIUM-NOTHING", (IncidentCsv.RiskLevel, "medium"), (IncidentCsv.ChildrenLinked, "no"), (IncidentCsv.ChildrenCount, ""),
                (IncidentCsv.VictimGivenName, "Third"), (IncidentCsv.VictimDateOfBirth, "1975-01-01"))));
        await ConfirmAsync(staged.Token);

        var meeting = await WithAsync(async s =>
        {
            s.GetRequiredService<AuditContext>().ActorUserId = UserId;
            var prepared = await s.GetRequiredService<DrammLists>().PrepareAsync(Org.AreaA, new DateOnly(2026, 12, 1));
            Assert.True(prepared.Succeeded, string.Join("; ", prepared.Errors));
            return prepared.Value!;
        });

        var byRef = await WithAsync(s => Task.FromResult(s.GetRequiredService<Safeguard.Core.Data.SafeguardDbContext>().PoliceIncidents
            .ToDictionary(i => i.IncidentReference, i => PoliceIncident.FormatReference(i.Id))));
        var cases = meeting.Cases.ToDictionary(c => c.Reference);
        Assert.Equal(AgendaGroup.ChildrenPoliceHigh, cases[byRef["INC-HIGH"]].Group);
        Assert.Equal(AgendaGroup.NoChildrenPoliceMedium, cases[byRef["INC-MEDIUM-CONSENT"]].Group);
        Assert.False(cases[byRef["INC-MEDIUM-NOTHING"]].OnList);
        Assert.Equal("Medium-risk police incident with no children linked and no consent to share", cases[byRef["INC-MEDIUM-NOTHING"]].Reason);
        Assert.Equal($"/incidents/{cases[byRef["INC-HIGH"]].RecordId}", cases[byRef["INC-HIGH"]].RecordPath);
        Assert.Equal([1, 2], meeting.Cases.Where(c => c.OnList).OrderBy(c => c.Position).Select(c => c.Position));
    }
}
