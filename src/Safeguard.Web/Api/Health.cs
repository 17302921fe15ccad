using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Safeguard.Core.Data;

namespace Safeguard.Web.Api;

/// <summary>GET /health: public, for load balancers. Says whether the database answers, nothing more.</summary>
public static class Health
{
    public static async Task WriteAsync(HttpContext context, HealthReport _)
    {
        var db = context.RequestServices.GetRequiredService<SafeguardDbContext>();
        bool up;
        try
        {
            up = await db.Database.CanConnectAsync(context.RequestAborted)
                && await db.Database.ExecuteSqlRawAsync("SELECT 1", context.RequestAborted) != int.MinValue;
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            up = false;
        }

        context.Response.StatusCode = up ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        await context.Response.WriteAsJsonAsync(new
        {
            status = up ? "Healthy" : "Unhealthy",
            database = new { provider = db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite", status = up ? "Healthy" : "Unreachable" },
        }, context.RequestAborted);
    }
}
