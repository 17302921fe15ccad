using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Referrals.Dash;

namespace Safeguard.Core.Tests.Referrals;

public sealed class DashVersioningTests : ReferralFixture
{
    private const string Version2 = """
        {"key":"dash-partner","version":2,"title":"A shorter fictional checklist","highRiskFrom":2,"mediumFrom":1,"stalkingQuestion":null,
         "questions":[{"id":"coercion","text":"Fictional question about control"},{"id":"fear","text":"Fictional question about fear"}]}
        """;

    [Fact]
    public async Task Loading_a_second_version_leaves_the_first_and_its_answers_unchanged()
    {
        var (referral, _) = await WithVictimAsync();
        var first = (await AssessAsync(referral.Id, 14)).Value!;
        var before = await Db(db => db.QuestionnaireDefinitions.AsNoTracking().SingleAsync(d => d.Key == DashKeys.Partner && d.Version == 1));

        using (var scope = Host.Scope())
        {
            var loader = scope.ServiceProvider.GetRequiredService<DashDefinitions>();
            Assert.Equal(1, await loader.LoadAsync([Version2]));
            Assert.Equal(0, await loader.LoadAsync([Version2, .. DashDefinitions.Shipped()]));
        }

        var after = await Db(db => db.QuestionnaireDefinitions.AsNoTracking().SingleAsync(d => d.Key == DashKeys.Partner && d.Version == 1));
        Assert.Equal(before.Content, after.Content);
        var kept = await Db(db => db.RiskAssessments.AsNoTracking().SingleAsync(a => a.Id == first.Id));
        Assert.Equal((DashKeys.Partner, 1), (kept.DefinitionKey, kept.DefinitionVersion));
        Assert.Equal(first.Answers, kept.Answers);
        Assert.Equal(24, kept.ReadAnswers().Count);

        // New assessments are offered the newest version; the old one still reads with its own 24 questions.
        Assert.Equal(2, (await DefinitionAsync(DashKeys.Partner)).Version);
        using var read = Host.Scope();
        Assert.Equal(24, (await read.ServiceProvider.GetRequiredService<DashDefinitions>().FindAsync(DashKeys.Partner, 1))!.Questions.Count);
    }
}
