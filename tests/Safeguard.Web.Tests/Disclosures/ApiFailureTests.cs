using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Data;
using Safeguard.Web.Tests.People;

namespace Safeguard.Web.Tests.Disclosures;

/// <summary>An API call that fails inside answers a plain 500 problem, not the HTML error page, and says nothing of why.</summary>
[Collection(AppCollection.Name)]
public sealed class ApiFailureTests(SafeguardApp app)
{
    [Fact]
    public async Task An_unexpected_failure_answers_500_problem_json_without_detail()
    {
        var failing = new FailingReads();
        using var host = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.ConfigureDbContext<SafeguardDbContext>(o => o.AddInterceptors(failing))));
        var (_, token) = await app.IssueTokenAsync([Roles.CruResearcher], [app.NorthAreaId], ["disclosures:read"]);
        var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/disclosure-research-sources")).StatusCode);

        failing.On = true;
        var response = await client.GetAsync("/api/v1/disclosure-research-sources");
        failing.On = false;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("application/problem+json", response.Content.Headers.ContentType!.ToString());
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", body);
        Assert.DoesNotContain("ResearchSources", body);
        Assert.DoesNotContain("simulated", body);
    }

    /// <summary>Fails reads of the research sources once switched on (after start-up, which reads them too).</summary>
    private sealed class FailingReads : DbCommandInterceptor
    {
        public volatile bool On;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            On && command.CommandText.Contains("ResearchSources", StringComparison.Ordinal)
                ? throw new InvalidOperationException("simulated database failure")
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
