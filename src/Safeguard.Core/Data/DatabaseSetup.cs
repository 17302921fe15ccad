using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Safeguard.Core.Data;

public static class DatabaseSetup
{
    public static IServiceCollection AddSafeguardDatabase(this IServiceCollection services, DatabaseOptions options, string contentRoot)
    {
        var connectionString = ResolveConnectionString(options, contentRoot);
        services.AddDbContext<SafeguardDbContext>(o => Configure(o, options, connectionString));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options, string connectionString)
    {
        if (options.IsPostgreSql)
        {
            builder.UseNpgsql(connectionString);
        }
        else if (options.IsSqlite)
        {
            builder.UseSqlite(connectionString);
        }
        else
        {
            throw new InvalidOperationException(
                $"Database:Provider '{options.Provider}' is not known. Use '{DatabaseOptions.Sqlite}' or '{DatabaseOptions.PostgreSql}'.");
        }
    }

    public static string ResolveConnectionString(DatabaseOptions options, string contentRoot)
    {
        if (!options.IsSqlite)
        {
            return options.ConnectionString;
        }

        var csb = new SqliteConnectionStringBuilder(options.ConnectionString);
        if (!Path.IsPathRooted(csb.DataSource) && csb.DataSource != ":memory:")
        {
            csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
        }

        var folder = Path.GetDirectoryName(csb.DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return csb.ToString();
    }

    /// <summary>Applies pending migrations. SQLite also gets write-ahead logging so readers never wait on a writer.</summary>
    public static async Task MigrateAsync(SafeguardDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        await db.Database.MigrateAsync(ct);
    }
}
