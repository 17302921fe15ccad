using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Core.Data.Migrations;

/// <summary>Why a case was taken off a MARAC agenda, kept on its referral: the audit trail records only that a reason
/// was given, as the co-ordinator's words may name people.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261201140000_MaracRemovalReason")]
public sealed class MaracRemovalReason : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("RemovedReason", "MaracReferrals", maxLength: 1000, nullable: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropColumn("RemovedReason", "MaracReferrals");
    }
}
