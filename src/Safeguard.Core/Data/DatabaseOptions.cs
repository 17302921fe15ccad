namespace Safeguard.Core.Data;

/// <summary>Bound from the "Database" section: SQLite by default, PostgreSQL when a force grows.</summary>
public sealed class DatabaseOptions
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSQL";

    public string Provider { get; set; } = Sqlite;

    /// <summary>For SQLite, a relative "Data Source" is resolved against the app's content root.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/safeguard.db";

    public bool IsPostgreSql => string.Equals(Provider, PostgreSql, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "Npgsql", StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);
}
