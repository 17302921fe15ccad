using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SQLitePCL;

namespace Safeguard.Core.Data;

/// <summary>
/// Inserts many rows of one mapped entity inside the context's open transaction, without the change tracker: a
/// prepared statement reused row by row on SQLite, binary COPY on PostgreSQL. Columns, names and value conversions
/// come from the EF model, so the rows are exactly what SaveChanges would write. Generated ids are read back
/// (SQLite: RETURNING) or taken from the identity sequence first (PostgreSQL) and set on the entities.
/// For imports of tens of thousands of rows, where SaveChanges costs a round of tracking and batching per entity.
/// </summary>
public static class BulkInsert
{
    public static Task InsertAsync<T>(SafeguardDbContext db, IReadOnlyList<T> rows, CancellationToken ct = default)
        where T : class => InsertAsync(db, rows, keyed: null, ct);

    /// <summary>
    /// As above; <paramref name="keyed"/> is called on each row once its generated id is set and before the row is
    /// written, so a column that repeats the id (a person's canonical id) goes in with it. SQLite's first row is
    /// written before its id is known, so the callback is not called for it: the caller checks what is still unset.
    /// </summary>
    public static async Task InsertAsync<T>(SafeguardDbContext db, IReadOnlyList<T> rows, Action<T>? keyed, CancellationToken ct = default)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties is [var only] && only.ValueGenerated == ValueGenerated.OnAdd ? only : null;
        var columns = entity.GetProperties().Where(p => p != key && p.GetColumnName(table) is not null).ToList();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside an audited write's transaction.");
        var connection = db.Database.GetDbConnection();
        if (db.Database.IsNpgsql())
        {
            await CopyAsync(db, (NpgsqlConnection)connection, entity, table, key, columns, rows, keyed, ct);
        }
        else
        {
            await InsertRowsAsync(connection, transaction, table, key, columns, rows, keyed, ct);
        }
    }

    /// <summary>
    /// SQLite: the first row goes in alone and returns its id, which also takes the database's write lock; no other
    /// connection can then insert before the commit, so the following rows take the next ids, written explicitly.
    /// </summary>
    private static Task InsertRowsAsync<T>(DbConnection connection, DbTransaction transaction, StoreObjectIdentifier table,
        IProperty? key, List<IProperty> columns, IReadOnlyList<T> rows, Action<T>? keyed, CancellationToken ct)
        where T : class
    {
        var start = 0;
        var written = columns.ToList();
        if (key is not null)
        {
            using var first = Command(connection, transaction, table, written, 1, $" RETURNING {Quote(key.GetColumnName(table)!)}");
            Fill(first, written, rows, 0, 1);
            var id = Convert.ToInt64(first.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            SetKey(key, rows[0], id);
            for (var i = 1; i < rows.Count; i++)
            {
                SetKey(key, rows[i], id + i);
                keyed?.Invoke(rows[i]);
            }

            written.Insert(0, key);
            start = 1;
        }

        // The rest through SQLite's own prepared statement, bound by position: Microsoft.Data.Sqlite's per-execution
        // binding by name cost more than the inserts themselves. Same connection, so the same transaction.
        var handle = ((Microsoft.Data.Sqlite.SqliteConnection)connection).Handle!;
        var names = string.Join(", ", written.Select(c => Quote(c.GetColumnName(table)!)));
        var values = string.Join(", ", written.Select((_, i) => "?" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Check(handle, raw.sqlite3_prepare_v2(handle, $"INSERT INTO {Quote(table.Name)} ({names}) VALUES ({values})", out sqlite3_stmt statement));
        using (statement)
        {
            var readers = written.Select(Reader).ToArray();
            for (var r = start; r < rows.Count; r++)
            {
                ct.ThrowIfCancellationRequested();
                raw.sqlite3_reset(statement);
                for (var c = 0; c < readers.Length; c++)
                {
                    Check(handle, Bind(statement, c + 1, readers[c](rows[r])));
                }

                var step = raw.sqlite3_step(statement);
                if (step != raw.SQLITE_DONE)
                {
                    Check(handle, step);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A value as Microsoft.Data.Sqlite would store it, so EF reads it back the same.</summary>
    private static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string s => raw.sqlite3_bind_text(statement, index, s),
        bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
        int n => raw.sqlite3_bind_int64(statement, index, n),
        long n => raw.sqlite3_bind_int64(statement, index, n),
        short n => raw.sqlite3_bind_int64(statement, index, n),
        byte n => raw.sqlite3_bind_int64(statement, index, n),
        double d => raw.sqlite3_bind_double(statement, index, d),
        DateTime d => raw.sqlite3_bind_text(statement, index, d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture)),
        DateOnly d => raw.sqlite3_bind_text(statement, index, d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
        _ => throw new NotSupportedException($"BulkInsert cannot write a {value.GetType().Name} to SQLite."),
    };

    private static void Check(sqlite3 handle, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new Microsoft.Data.Sqlite.SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), result);
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, StoreObjectIdentifier table, List<IProperty> columns, int rowCount, string suffix)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = string.Join(", ", columns.Select(c => Quote(c.GetColumnName(table)!)));
        var text = new System.Text.StringBuilder($"INSERT INTO {Quote(table.Name)} ({names}) VALUES ");
        for (var r = 0; r < rowCount; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var p = command.CreateParameter();
                p.ParameterName = $"$p{r}_{c}";
                command.Parameters.Add(p);
                text.Append(c == 0 ? "" : ", ").Append(p.ParameterName);
            }

            text.Append(')');
        }

        command.CommandText = text.Append(suffix).ToString();
        return command;
    }

    private static void Fill<T>(DbCommand command, List<IProperty> columns, IReadOnlyList<T> rows, int at, int count)
        where T : class
    {
        var readers = columns.Select(Reader).ToArray();
        var n = 0;
        for (var r = at; r < at + count; r++)
        {
            foreach (var read in readers)
            {
                command.Parameters[n++].Value = read(rows[r]) ?? DBNull.Value;
            }
        }
    }

    /// <summary>Reads a property's value as the database stores it (after the model's value conversion).</summary>
    private static Func<object, object?> Reader(IProperty property)
    {
        var getter = property.GetGetter();
        var converter = property.GetValueConverter() ?? property.GetTypeMapping().Converter;
        return converter is null
            ? row => getter.GetClrValueUsingContainingEntity(row)
            : row => getter.GetClrValueUsingContainingEntity(row) is { } v ? converter.ConvertToProvider(v) : null;
    }

    private static async Task CopyAsync<T>(SafeguardDbContext db, NpgsqlConnection connection, IEntityType entity, StoreObjectIdentifier table,
        IProperty? key, List<IProperty> columns, IReadOnlyList<T> rows, Action<T>? keyed, CancellationToken ct)
        where T : class
    {
        var written = columns.ToList();
        if (key is not null)
        {
            // Ids taken from the identity sequence, as the database would have given them, then written explicitly.
            var column = key.GetColumnName(table)!;
            var quoted = Quote(table.Name);
            var count = rows.Count;
            var ids = await db.Database.SqlQuery<long>(
                $"SELECT nextval(pg_get_serial_sequence({quoted}, {column})) AS \"Value\" FROM generate_series(1, {count})").ToListAsync(ct);
            for (var i = 0; i < rows.Count; i++)
            {
                SetKey(key, rows[i], ids[i]);
                keyed?.Invoke(rows[i]);
            }

            written.Insert(0, key);
        }

        var types = written.Select(p => StoreType(p)).ToArray();
        var readers = written.Select(Reader).ToArray();
        var names = string.Join(", ", written.Select(c => Quote(c.GetColumnName(table)!)));
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {Quote(table.Name)} ({names}) FROM STDIN (FORMAT BINARY)", ct);
        // Written synchronously: the importer buffers, and an awaited call per value cost more than the value.
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            importer.StartRow();
            for (var i = 0; i < written.Count; i++)
            {
                var value = readers[i](row);
                if (value is null)
                {
                    importer.WriteNull();
                }
                else
                {
                    importer.Write(value, types[i]);
                }
            }
        }

        await importer.CompleteAsync(ct);
    }

    /// <summary>The column's PostgreSQL type without its length: "character varying(50)" is written as "character varying".</summary>
    private static string StoreType(IProperty property)
    {
        var type = property.GetColumnType();
        var paren = type.IndexOf('(', StringComparison.Ordinal);
        return paren < 0 ? type : type[..paren];
    }

    private static void SetKey(IProperty key, object row, object? value) =>
        key.PropertyInfo!.SetValue(row, Convert.ChangeType(value, key.ClrType, System.Globalization.CultureInfo.InvariantCulture));

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
