using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Safeguard.Tests;

namespace Safeguard.Core.Tests;

/// <summary>
/// The hand-written migrations must build exactly the schema the model describes. One database is built with
/// the migrations and one with EnsureCreated (the model's own idea of the schema); their catalogues must match.
/// </summary>
public sealed class SchemaDriftTests
{
    [Fact]
    public async Task Migrated_schema_equals_the_model_on_this_provider()
    {
        await using var migrated = await TestDatabase.CreateAsync();
        await using var modelled = await TestDatabase.CreateAsync();
        await using (var db = await migrated.CreateMigratedContextAsync())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        await using (var db = modelled.CreateContext())
        {
            await db.Database.EnsureCreatedAsync();
        }

        var fromMigrations = await DescribeAsync(migrated);
        var fromModel = await DescribeAsync(modelled);
        Assert.Equal(string.Join('\n', fromModel), string.Join('\n', fromMigrations));
    }

    private static async Task<List<string>> DescribeAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        var lines = new List<string>();
        if (TestDatabase.IsPostgres)
        {
            lines.AddRange(await QueryAsync(conn, """
                SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                       || ' null=' || is_nullable || ' identity=' || is_identity || ' default=' || coalesce(column_default, '')
                FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EF%'
                ORDER BY table_name, column_name
                """));
            lines.AddRange(await QueryAsync(conn, """
                SELECT indexname || ': ' || indexdef FROM pg_indexes
                WHERE schemaname = 'public' AND tablename NOT LIKE '\_\_EF%' ORDER BY indexname
                """));
            lines.AddRange(await QueryAsync(conn, """
                SELECT tc.table_name || ' ' || tc.constraint_type || ' ' || tc.constraint_name || ' ' || coalesce(rc.delete_rule, '')
                FROM information_schema.table_constraints tc
                LEFT JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name
                WHERE tc.table_schema = 'public' AND tc.table_name NOT LIKE '\_\_EF%' AND tc.constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY', 'UNIQUE')
                ORDER BY 1
                """));
        }
        else
        {
            var tables = await QueryAsync(conn, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%' ORDER BY name");
            foreach (var table in tables)
            {
                lines.AddRange(await QueryAsync(conn, $"SELECT '{table}.' || name || ' ' || type || ' notnull=' || \"notnull\" || ' pk=' || pk || ' default=' || coalesce(dflt_value, '') FROM pragma_table_info('{table}') ORDER BY name"));
                lines.AddRange(await QueryAsync(conn, $"SELECT '{table} fk ' || \"from\" || '->' || \"table\" || '.' || \"to\" || ' ' || on_delete FROM pragma_foreign_key_list('{table}') ORDER BY \"from\""));
                var create = (await QueryAsync(conn, $"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{table}'")).Single();
                lines.Add($"{table} autoincrement={create.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)}");
            }

            lines.AddRange(await QueryAsync(conn, "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"));
        }

        return lines;
    }

    private static async Task<List<string>> QueryAsync(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
