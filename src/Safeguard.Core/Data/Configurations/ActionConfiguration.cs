using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Accounts;
using Safeguard.Core.Actions;
using Safeguard.Core.Organisation;

namespace Safeguard.Core.Data.Configurations;

internal sealed class CaseActionConfiguration : IEntityTypeConfiguration<CaseAction>
{
    public void Configure(EntityTypeBuilder<CaseAction> b)
    {
        b.ToTable("CaseActions");
        b.Ignore(a => a.IsFinished);
        b.Property(a => a.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Reference).HasMaxLength(30);
        b.Property(a => a.OwnerUserId).HasMaxLength(450);
        b.Property(a => a.Description).HasMaxLength(2000);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.CreatedByUserId).HasMaxLength(450);
        b.Property(a => a.CompletionEvidence).HasMaxLength(2000);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<Agency>().WithMany().HasForeignKey(a => a.OwnerAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Updates).WithOne().HasForeignKey(u => u.ActionId).OnDelete(DeleteBehavior.Cascade);
        // An agency's own list (open first, by due date), and a case's actions.
        b.HasIndex(a => new { a.OwnerAgencyId, a.Status, a.DueOn }).HasDatabaseName("IX_CaseActions_Owner");
        b.HasIndex(a => new { a.Source, a.SourceId }).HasDatabaseName("IX_CaseActions_Source");
        b.HasIndex(a => a.OwnerUserId).HasDatabaseName("IX_CaseActions_OwnerUserId");
    }
}

internal sealed class ActionUpdateConfiguration : IEntityTypeConfiguration<ActionUpdate>
{
    public void Configure(EntityTypeBuilder<ActionUpdate> b)
    {
        b.ToTable("ActionUpdates");
        b.Property(u => u.ByUserId).HasMaxLength(450);
        b.Property(u => u.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(u => u.Note).HasMaxLength(2000);
        b.HasIndex(u => u.ActionId).HasDatabaseName("IX_ActionUpdates_ActionId");
    }
}
