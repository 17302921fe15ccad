using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Web.Infrastructure;

namespace Safeguard.Web.Api;

public sealed record MeResponse(string UserId, string DisplayName, string Agency, IReadOnlyList<string> Scopes, DateTime TokenExpiresAt);

/// <summary>The JSON API under /api/v1, for integration clients holding a personal access token.</summary>
public static class ApiEndpoints
{
    public static void MapSafeguardApi(this WebApplication app)
    {
        var v1 = app.MapGroup("/api/v1")
            .RequireAuthorization(SafeguardServices.ApiClient)
            .RequireRateLimiting(SafeguardServices.ApiRateLimit)
            .DisableAntiforgery()
            .AddEndpointFilter(AuditEveryCall);

        v1.MapGet("/me", Me)
            .RequireAuthorization("Scope:me:read")
            .WithName("GetMe")
            .WithSummary("Who this token belongs to, its scopes and expiry");

        v1.MapPeopleApi();
        v1.MapDisclosureApplicationsApi();
        v1.MapIncidentsApi();
    }

    private static async Task<Ok<MeResponse>> Me(HttpContext context, SafeguardDbContext db, CancellationToken ct)
    {
        var userId = context.User.UserId()!;
        var tokenId = int.Parse(context.User.FindFirst(SafeguardClaims.ApiTokenId)!.Value, System.Globalization.CultureInfo.InvariantCulture);
        var me = await db.Users.Where(u => u.Id == userId)
            .Join(db.Agencies, u => u.AgencyId, a => a.Id, (u, a) => new { u.Id, u.DisplayName, Agency = a.Name })
            .SingleAsync(ct);
        var token = await db.ApiTokens.Where(t => t.Id == tokenId).Select(t => new { t.Scopes, t.ExpiresAt }).SingleAsync(ct);
        return TypedResults.Ok(new MeResponse(me.Id, me.DisplayName, me.Agency,
            token.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), token.ExpiresAt));
    }

    /// <summary>Every API call is audited like a page view: who, which endpoint, and the answer given.</summary>
    private static async ValueTask<object?> AuditEveryCall(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        var endpoint = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value;
        var status = StatusOf(result) ?? http.Response.StatusCode;
        await http.RequestServices.GetRequiredService<AuditTrail>().RecordAsync("api.called",
            summary: $"{http.Request.Method} {endpoint} {status}", ct: http.RequestAborted);
        return result;
    }

    /// <summary>The status a result will answer with, looking inside a Results&lt;...&gt; union to the result it holds.</summary>
    private static int? StatusOf(object? result) => result switch
    {
        IStatusCodeHttpResult { StatusCode: { } code } => code,
        INestedHttpResult nested => StatusOf(nested.Result),
        _ => null,
    };
}
