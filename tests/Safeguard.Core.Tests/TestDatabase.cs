using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Safeguard.Core.Data;

namespace Safeguard.Tests;

/// <summary>
/// A fresh, empty database for one test class, on the provider that test.sh chose for this run:
/// SAFEGUARD_TEST_DB=sqlite (default) or postgres, with SAFEGUARD_TEST_PG as the server's connection string.
/// With postgres chosen and no server reachable, every data test fails: none is ever skipped.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _pgDatabase;
    private readonly string _adminConnection;

    public DatabaseOptions Options { get; }

    private TestDatabase(DatabaseOptions options, string? sqliteFile, string? pgDatabase, string adminConnection)
    {
        Options = options;
        _sqliteFile = sqliteFile;
        _pgDatabase = pgDatabase;
        _adminConnection = adminConnection;
    }

    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("SAFEGUARD_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string ProviderName => IsPostgres ? "PostgreSQL" : "SQLite";

    public static async Task<TestDatabase> CreateAsync()
    {
        if (!IsPostgres)
        {
            var file = Path.Combine(Path.GetTempPath(), $"safeguard-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(new DatabaseOptions { Provider = DatabaseOptions.Sqlite, ConnectionString = $"Data Source={file};Pooling=False" }, file, null, "");
        }

        var server = Environment.GetEnvironmentVariable("SAFEGUARD_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres";
        var name = $"sg_test_{Guid.NewGuid():N}";
        await using (var conn = new NpgsqlConnection(server + ";Database=postgres"))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        return new TestDatabase(new DatabaseOptions { Provider = DatabaseOptions.PostgreSql, ConnectionString = $"{server};Database={name}" }, null, name, server);
    }

    public SafeguardDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<SafeguardDbContext>();
        DatabaseSetup.Configure(builder, Options, Options.ConnectionString);
        return new SafeguardDbContext(builder.Options);
    }

    public async Task<SafeguardDbContext> CreateMigratedContextAsync()
    {
        var db = CreateContext();
        await DatabaseSetup.MigrateAsync(db);
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(f);
            }
        }

        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_adminConnection + ";Database=postgres");
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgDatabase}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>A clock that tests move by hand. Starts at the real time, so authenticator codes still line up.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset to) => _now = to;
}
