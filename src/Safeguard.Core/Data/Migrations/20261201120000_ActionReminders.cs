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
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropColumn("OverdueNotifiedAt", "CaseActions");
        m.DropColumn("DueSoonNotifiedAt", "CaseActions");
    }
}
