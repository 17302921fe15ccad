using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures.Reporting;
using Safeguard.Core.Organisation;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Operator;

/// <summary>
/// The operator's command line: `Safeguard.Web admin COMMAND`. It reads the same configuration as the web
/// app, so it works on whichever database the app uses. Secrets it makes are printed once and never stored.
/// </summary>
public static class OperatorCommands
{
    public const string ActorId = "operator";

    public static async Task<int> RunAsync(string[] args)
    {
        var email = new Option<string>("--email") { Description = "The user's email address", Required = true };
        var name = new Option<string>("--name") { Description = "The administrator's full name", Required = true };
        var agency = new Option<string>("--agency") { Description = "Their agency (created if it does not exist yet)", Required = true };
        var areas = new Option<string[]>("--area") { Description = "An area they administer (repeat for several; created if new)", Required = true, AllowMultipleArgumentsPerToken = true };
        var tokenName = new Option<string>("--token-name") { Description = "What the token is for, such as the system using it", Required = true };
        var scopes = new Option<string[]>("--scope") { Description = "A scope, such as me:read (repeat for several)", Required = true, AllowMultipleArgumentsPerToken = true };
        var expires = new Option<string>("--expires") { Description = "Last day the token works (until midnight UK time), yyyy-MM-dd, at most 366 days away", Required = true };

        var createAdmin = new Command("create-admin", "Create an administrator and print their temporary password once") { email, name, agency, areas };
        createAdmin.SetAction((p, ct) => WithServicesAsync(s => CreateAdminAsync(s, p.GetValue(email)!, p.GetValue(name)!, p.GetValue(agency)!, p.GetValue(areas)!, ct)));

        var issueToken = new Command("issue-token", "Issue an API token for a user and print it once") { email, tokenName, scopes, expires };
        issueToken.SetAction((p, ct) => WithServicesAsync(s => IssueTokenAsync(s, p.GetValue(email)!, p.GetValue(tokenName)!, p.GetValue(scopes)!, p.GetValue(expires)!, ct)));

        var disable = new Command("disable-user", "Disable a user: their sessions end and they cannot sign in") { email };
        disable.SetAction((p, ct) => WithServicesAsync(s => DisableAsync(s, p.GetValue(email)!, ct)));

        var verify = new Command("verify-audit", "Check the audit chain and name the first broken link");
        verify.SetAction((p, ct) => WithServicesAsync(s => VerifyAsync(s, ct)));

        var rebuildFigures = new Command("rebuild-disclosure-figures", "Recount the disclosure dashboard's monthly roll-up from the applications");
        rebuildFigures.SetAction((p, ct) => WithServicesAsync(s => RebuildFiguresAsync(s, ct)));

        var root = new RootCommand("Safeguard operator commands") { createAdmin, issueToken, disable, verify, rebuildFigures };
        return await root.Parse(args).InvokeAsync();
    }

    private static async Task<int> WithServicesAsync(Func<IServiceProvider, Task<int>> action)
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddSafeguard();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        using var scope = app.Services.CreateScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>());
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = ActorId;
        return await action(scope.ServiceProvider);
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider s, string email, string name, string agencyName, string[] areaNames, CancellationToken ct)
    {
        var db = s.GetRequiredService<SafeguardDbContext>();
        var organisation = s.GetRequiredService<OrganisationService>();
        var agencyId = await db.Agencies.Where(a => a.Name == agencyName).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        if (agencyId is null)
        {
            var created = await organisation.SaveAgencyAsync(null, agencyName, AgencyKind.Police, true, 0, ct);
            if (!Report(created.Errors))
            {
                return 2;
            }

            agencyId = created.Value!.Id;
        }

        var areaIds = new List<int>();
        foreach (var areaName in areaNames.Distinct())
        {
            var areaId = await db.Areas.Where(a => a.Name == areaName).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            if (areaId is null)
            {
                var created = await organisation.SaveAreaAsync(null, areaName, true, 0, ct);
                if (!Report(created.Errors))
                {
                    return 2;
                }

                areaId = created.Value!.Id;
            }

            areaIds.Add(areaId.Value);
        }

        var result = await s.GetRequiredService<UserAdministration>().CreateAsync(
            new UserDetails(name, email, agencyId, areaIds, [Roles.Administrator]), assignableAreaIds: null, ct);
        if (!Report(result.Errors))
        {
            return 2;
        }

        Console.WriteLine($"Created administrator {email}.");
        Console.WriteLine($"Temporary password (shown once): {result.Value!.TemporaryPassword}");
        Console.WriteLine("At first sign-in they choose a password and enrol an authenticator app.");
        return 0;
    }

    private static async Task<int> IssueTokenAsync(IServiceProvider s, string email, string tokenName, string[] scopes, string expires, CancellationToken ct)
    {
        var user = await FindAsync(s, email, ct);
        if (user is null)
        {
            return 2;
        }

        if (!DateOnly.TryParseExact(expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiresOn))
        {
            Console.Error.WriteLine("--expires: enter a date as yyyy-MM-dd");
            return 2;
        }

        var result = await s.GetRequiredService<ApiTokenService>().IssueAsync(user, tokenName, scopes, expiresOn, ActorId, ct);
        if (!Report(result.Errors))
        {
            return 2;
        }

        Console.WriteLine($"Token for {email}, expires {expiresOn:yyyy-MM-dd}, scopes {result.Value!.Token.Scopes}.");
        Console.WriteLine($"Token (shown once): {result.Value.Secret}");
        return 0;
    }

    private static async Task<int> DisableAsync(IServiceProvider s, string email, CancellationToken ct)
    {
        var user = await FindAsync(s, email, ct);
        if (user is null)
        {
            return 2;
        }

        var result = await s.GetRequiredService<UserAdministration>().DisableAsync(user, ct);
        if (!Report(result.Errors))
        {
            return 2;
        }

        Console.WriteLine($"Disabled {email}. Their open sessions end at their next request.");
        return 0;
    }

    /// <summary>For a database whose closed applications were changed outside the app: the roll-up is recounted in one transaction and the rebuild audited.</summary>
    private static async Task<int> RebuildFiguresAsync(IServiceProvider s, CancellationToken ct)
    {
        await using var write = await s.GetRequiredService<AuditTrail>().BeginAsync(ct);
        var counted = await s.GetRequiredService<FigureCells>().RebuildAsync(ct);
        write.Record("disclosure.figures-rebuilt", summary: $"{counted} closed applications counted");
        await write.CommitAsync(ct);
        Console.WriteLine($"Disclosure figures rebuilt: {counted} closed applications counted.");
        return 0;
    }

    private static async Task<int> VerifyAsync(IServiceProvider s, CancellationToken ct)
    {
        var result = await s.GetRequiredService<AuditChainVerifier>().VerifyAsync(ct);
        if (result.IsIntact)
        {
            Console.WriteLine($"Audit chain intact: {result.EventsChecked} events checked.");
            return 0;
        }

        Console.WriteLine($"Audit chain BROKEN at event {result.FirstBrokenSequence}: {result.Problem}. {result.EventsChecked} events before it are intact.");
        return 1;
    }

    private static async Task<User?> FindAsync(IServiceProvider s, string email, CancellationToken ct)
    {
        var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<User>>();
        var user = await users.FindByEmailAsync(email);
        ct.ThrowIfCancellationRequested();
        if (user is null)
        {
            Console.Error.WriteLine($"--email: no user has the email address {email}");
        }

        return user;
    }

    private static bool Report(IReadOnlyList<Core.Common.FieldError> errors)
    {
        foreach (var e in errors)
        {
            Console.Error.WriteLine($"{e.Field}: {e.Message}");
        }

        return errors.Count == 0;
    }
}
