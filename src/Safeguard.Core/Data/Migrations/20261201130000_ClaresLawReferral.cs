using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Core.Data.Migrations;

/// <summary>A referral made from a Clare's Law application names it: the link both ways, and at most one referral per application.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261201130000_ClaresLawReferral")]
public sealed class ClaresLawReferral : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<int>("DisclosureApplicationId", "Referrals", nullable: true);
        m.CreateIndex("IX_Referrals_DisclosureApplicationId", "Referrals", "DisclosureApplicationId", unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_Referrals_DisclosureApplicationId", "Referrals");
        m.DropColumn("DisclosureApplicationId", "Referrals");
    }
}
