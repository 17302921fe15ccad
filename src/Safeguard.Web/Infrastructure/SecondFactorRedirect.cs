using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Safeguard.Core.Audit;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// A user who has proved their password but not yet a second factor is sent to finish setting up,
/// never shown a page. API callers get the plain 401 or 403; a token refused for a missing scope is audited.
/// </summary>
public sealed class SecondFactorRedirect : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Forbidden && context.Request.Path.StartsWithSegments("/api") && context.User.UserId() is { } caller)
        {
            // A good token asking for what its scopes do not allow: worth an auditor's eye.
            await context.RequestServices.GetRequiredService<AuditTrail>().RecordAsync("api.refused",
                summary: $"{context.Request.Method} {context.Request.Path} 403 scope missing", actorUserId: caller);
        }

        if (!result.Succeeded && !context.Request.Path.StartsWithSegments("/api")
            && context.User.Identity?.IsAuthenticated == true && !context.User.HasSecondFactor())
        {
            context.Response.Redirect("/account/setup");
            return;
        }

        await _default.HandleAsync(next, context, policy, result);
    }
}
