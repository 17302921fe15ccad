using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Reporting;
using Safeguard.Web.Api;
using Safeguard.Web.Demo;

namespace Safeguard.Web.Infrastructure;

public static class SafeguardPipeline
{
    /// <summary>Migrates the database and, in demo mode, seeds the demo agencies, areas and users on first start.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>());
        await scope.ServiceProvider.GetRequiredService<DisclosureSettings>().EnsureDefaultsAsync();
        await using (var write = await scope.ServiceProvider.GetRequiredService<Core.Audit.AuditTrail>().BeginAsync())
        {
            if (await scope.ServiceProvider.GetRequiredService<FigureCells>().EnsureBuiltAsync())
            {
                write.Record("disclosure.figures-rebuilt", summary: "built at startup for closed work from before the roll-up", actorUserId: "startup");
            }

            await write.CommitAsync();
        }
        await scope.ServiceProvider.GetRequiredService<Safeguard.Core.Referrals.Dash.DashDefinitions>().EnsureDefaultsAsync();
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEnabledAsync();
    }

    public static WebApplication UseSafeguard(this WebApplication app)
    {
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        app.UseSecurityHeaders();
        // A failure on a page shows the error page; on the API it answers a bare 500 problem+json, never HTML.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), b => b.UseExceptionHandler("/error"));
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), b => b.UseExceptionHandler());
        // Pages get the GOV.UK error pages; the API answers problem+json, never HTML.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePages());
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStaticFiles();
        app.UseRouting();
        // A body bigger than the page's limit is refused before anything reads it, so the user gets the "file is too
        // big" page rather than a failed form read (which antiforgery would report as a bad request).
        app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
            if (limit is not null && context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            await next();
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        // After authorization: an API token is only read there, by the policy that names its scheme.
        app.UseAuditActor();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages();
        app.MapSafeguardApi();
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(SafeguardServices.ApiDocs).RequireRateLimiting(SafeguardServices.ApiRateLimit);
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = Health.WriteAsync }).AllowAnonymous();
        return app;
    }
}
