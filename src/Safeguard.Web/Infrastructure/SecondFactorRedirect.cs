using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// A user who has proved their password but not yet a second factor is sent to finish setting up,
/// never shown a page. API callers get the plain 401 or 403.
/// </summary>
public sealed class SecondFactorRedirect : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!result.Succeeded && !context.Request.Path.StartsWithSegments("/api")
            && context.User.Identity?.IsAuthenticated == true && !context.User.HasSecondFactor())
        {
            context.Response.Redirect("/account/setup");
            return Task.CompletedTask;
        }

        return _default.HandleAsync(next, context, policy, result);
    }
}
