using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;

namespace Safeguard.Web.Tests;

/// <summary>
/// The operator's command line, run as an operator would: the app's own binary in a separate process,
/// pointed by environment variables at the same database as a running app.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OperatorCommandTests(SafeguardApp app)
{
    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var webDll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(webDll)! };
        start.ArgumentList.Add(webDll);
        start.ArgumentList.Add("admin");
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = app.DatabaseOptions.Provider;
        start.Environment["Database__ConnectionString"] = app.DatabaseOptions.ConnectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await output + await error);
    }

    private static string After(string output, string label) =>
        output.Split('\n').Single(l => l.Contains(label, StringComparison.Ordinal)).Split(label)[1].Trim();

    [Fact]
    public async Task Create_admin_issue_token_disable_and_verify_work_against_the_apps_database()
    {
        await app.CreateUserAsync([Safeguard.Core.Accounts.Roles.Administrator]); // so the one made here is not the last
        var email = $"first.admin.{Guid.NewGuid():N}"[..24] + "@example.org";
        var created = await RunAsync("create-admin", "--email", email, "--name", "First Administrator", "--agency", "Testshire Police", "--area", "North", "--area", "Central");
        Assert.True(created.ExitCode == 0, created.Output);
        var temporary = After(created.Output, "Temporary password (shown once):");
        Assert.Equal("/account/setup", (await app.NewClient().SubmitPasswordAsync(email, temporary)).Location());
        Assert.True(await app.WithDbAsync(db => db.Areas.AnyAsync(a => a.Name == "Central")));

        var expires = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var issued = await RunAsync("issue-token", "--email", email, "--token-name", "Records system", "--scope", "me:read", "--expires", expires);
        Assert.True(issued.ExitCode == 0, issued.Output);
        var api = app.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", After(issued.Output, "Token (shown once):"));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        var disabled = await RunAsync("disable-user", "--email", email);
        Assert.True(disabled.ExitCode == 0, disabled.Output);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "user.disabled" && e.ActorUserId == "operator")));

        var verified = await RunAsync("verify-audit");
        Assert.Equal(0, verified.ExitCode);
        Assert.Contains("Audit chain intact", verified.Output);
    }

    [Fact]
    public async Task Bad_arguments_name_the_problem_and_change_nothing()
    {
        var before = await app.WithDbAsync(db => db.Users.CountAsync());
        var badEmail = await RunAsync("create-admin", "--email", "not-an-email", "--name", "X", "--agency", "Testshire Police", "--area", "North");
        Assert.NotEqual(0, badEmail.ExitCode);
        Assert.Contains("Email:", badEmail.Output);
        var missing = await RunAsync("issue-token", "--email", "nobody@example.org", "--token-name", "x", "--scope", "me:read", "--expires", "2030-01-01");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("no user has the email address", missing.Output);
        var badDate = await RunAsync("issue-token", "--email", "nobody@example.org", "--token-name", "x", "--scope", "me:read", "--expires", "soon");
        Assert.NotEqual(0, badDate.ExitCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Rebuilding_the_disclosure_figures_recounts_the_closed_work_and_is_audited()
    {
        var closed = await app.WithDbAsync(db => db.DisclosureApplications.CountAsync(a => a.ClosedAt != null));

        var rebuilt = await RunAsync("rebuild-disclosure-figures");

        Assert.True(rebuilt.ExitCode == 0, rebuilt.Output);
        Assert.Contains($"Disclosure figures rebuilt: {closed} closed applications counted.", rebuilt.Output);
        Assert.Equal(closed, await app.WithDbAsync(db => db.FigureCells
            .Where(c => c.Measure == Safeguard.Core.Disclosures.Reporting.FigureMeasure.Received).SumAsync(c => c.Count)));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "disclosure.figures-rebuilt" && e.ActorUserId == "operator")));
    }
}
