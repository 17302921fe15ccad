using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Core.Data.Migrations;

/// <summary>Action reminders: when each action's owner was told it is due soon, and that it is overdue, so each is said once.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261201120000_ActionReminders")]
public sealed class ActionReminders : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<DateTime>("DueSoonNotifiedAt", "CaseActions", nullable: true);
        m.AddColumn<DateTime>("OverdueNotifiedAt", "CaseActions", nullable: true);
        foreach (var sql in BackfillSql(m.ActiveProvider))
        {
            m.Sql(sql);
        }
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropColumn("OverdueNotifiedAt", "CaseActions");
        m.DropColumn("DueSoonNotifiedAt", "CaseActions");
    }

    /// <summary>
    /// Without this, the first sweep after deploying would remind every owner of every action already overdue or due
    /// soon, all at once, however old. Those actions are marked as already told (at the migration's time); actions
    /// due later are left to be reminded as usual. Status holds the enum's name. DueOn is a date: PostgreSQL compares
    /// it with CURRENT_DATE; SQLite holds it as 'yyyy-MM-dd' text, which compares in date order with date('now').
    /// The database's date is UTC (SQLite) or the server's, not London's, so near midnight an action may be told once
    /// more at the first sweep: better than missing a reminder it was owed.
    /// </summary>
    public static IReadOnlyList<string> BackfillSql(string? provider)
    {
        const string unfinished = "\"Status\" IN ('Open', 'InProgress')";
        var (now, today, soonUntil) = provider == "Npgsql.EntityFrameworkCore.PostgreSQL"
            ? ("CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_DATE + 3")
            : ("strftime('%Y-%m-%d %H:%M:%S', 'now')", "date('now')", "date('now', '+3 days')");
        return
        [
            $"UPDATE \"CaseActions\" SET \"OverdueNotifiedAt\" = {now} WHERE {unfinished} AND \"OverdueNotifiedAt\" IS NULL AND \"DueOn\" < {today};",
            $"UPDATE \"CaseActions\" SET \"DueSoonNotifiedAt\" = {now} WHERE {unfinished} AND \"DueSoonNotifiedAt\" IS NULL AND \"DueOn\" <= {soonUntil};",
        ];
    }
}
