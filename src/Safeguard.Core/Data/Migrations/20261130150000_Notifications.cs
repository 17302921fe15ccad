using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Core.Data.Migrations;

/// <summary>Notifications to users, and the outbox of emails about them (queued, sent, failed).</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261130150000_Notifications")]
public sealed class Notifications : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Notifications", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            UserId = t.Column<string>(maxLength: 450, nullable: false),
            Kind = t.Column<string>(maxLength: 30, nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Link = t.Column<string>(maxLength: 300, nullable: false),
            Reference = t.Column<string>(maxLength: 30, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ReadAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Notifications", x => x.Id);
            t.ForeignKey("FK_Notifications_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Notifications_User", "Notifications", ["UserId", "ReadAt", "CreatedAt"]);

        m.CreateTable("OutboundEmails", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            NotificationId = t.Column<long>(nullable: true),
            To = t.Column<string>(maxLength: 256, nullable: false),
            Subject = t.Column<string>(maxLength: 300, nullable: false),
            Body = t.Column<string>(maxLength: 4000, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Attempts = t.Column<int>(nullable: false),
            NextAttemptAt = t.Column<DateTime>(nullable: false),
            SentAt = t.Column<DateTime>(nullable: true),
            GaveUpAt = t.Column<DateTime>(nullable: true),
            LastError = t.Column<string>(maxLength: 500, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_OutboundEmails", x => x.Id);
            t.ForeignKey("FK_OutboundEmails_Notifications_NotificationId", x => x.NotificationId, "Notifications", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_OutboundEmails_Due", "OutboundEmails", ["SentAt", "GaveUpAt", "NextAttemptAt"]);
        m.CreateIndex("IX_OutboundEmails_NotificationId", "OutboundEmails", "NotificationId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("OutboundEmails");
        m.DropTable("Notifications");
    }
}
