using Safeguard.Core.Audit;

namespace Safeguard.Web.Infrastructure;

public static class AuditActor
{
    /// <summary>Names the signed-in user (or token owner) as the actor of everything audited in this request.</summary>
    public static IApplicationBuilder UseAuditActor(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.RequestServices.GetRequiredService<AuditContext>().ActorUserId = context.User.UserId();
        await next();
    });
}
