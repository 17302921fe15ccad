using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Incidents;

namespace Safeguard.Core.Tests.Incidents;

/// <summary>Incidents pushed one or a batch at a time, idempotent by reference.</summary>
public sealed class IncidentSubmissionTests : IncidentFixture
{
    private async Task<ValidIncident> ValidAsync(string reference)
    {
        var rules = await WithAsync(s => s.GetRequiredService<IncidentImports>().RulesAsync(Importer));
        var errors = new List<FieldError>();
        var valid = rules.Check(new IncidentInput(reference, "2026-11-29 22:15", "2026-11-29T22:40:00Z", null, Org.AreaA, "medium", null,
            "Testa", "Fictional", "1990-03-27", null, null, null, "no", null, "yes", "Shouting heard", "1234"), errors);
        Assert.Empty(errors);
        return valid!;
    }

    [Fact]
    public async Task A_repeat_answers_with_the_record_made_the_first_time()
    {
        var one = await ValidAsync("API-1");
        var first = await WithAsync(s => s.GetRequiredService<IncidentSubmissions>().SubmitAsync([one], Importer));
        var two = await ValidAsync("API-2");
        var again = await WithAsync(s => s.GetRequiredService<IncidentSubmissions>().SubmitAsync([one, two], Importer));
        Assert.True(Assert.Single(first).Created);
        Assert.Equal(new Submitted(first[0].Id, "API-1", false), again[0]);
        Assert.True(again[1].Created);
        Assert.Equal(2, await CountAsync(db => db.PoliceIncidents));
        var saved = await WithAsync(s => s.GetRequiredService<SafeguardDbContext>().PoliceIncidents.AsNoTracking().FirstAsync(i => i.Id == first[0].Id));
        Assert.Equal((IncidentSource.Api, (int?)null, true), (saved.Source, saved.PerpetratorPersonId, saved.VictimConsented));
    }
}
