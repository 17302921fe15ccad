using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Accounts;
using Safeguard.Core.Incidents;
using Safeguard.Core.Organisation;
using Safeguard.Core.People;

namespace Safeguard.Core.Data.Configurations;

internal sealed class PoliceIncidentConfiguration : IEntityTypeConfiguration<PoliceIncident>
{
    public void Configure(EntityTypeBuilder<PoliceIncident> b)
    {
        b.ToTable("PoliceIncidents");
        b.Ignore(i => i.Reference);
        b.Property(i => i.IncidentReference).HasMaxLength(IncidentRules.MaxReference);
        b.Property(i => i.RiskLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Summary).HasMaxLength(IncidentRules.MaxSummary);
        b.Property(i => i.OfficerCollarNumber).HasMaxLength(IncidentRules.MaxCollar);
        b.Property(i => i.RecordedByUserId).HasMaxLength(450);
        b.HasOne<Agency>().WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Area>().WithMany().HasForeignKey(i => i.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(i => i.VictimPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(i => i.PerpetratorPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<IncidentImport>().WithMany().HasForeignKey(i => i.ImportId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(i => i.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        // The duplicate key: a force's reference is recorded once, whichever way it arrives.
        b.HasIndex(i => new { i.AgencyId, i.IncidentReference }).IsUnique().HasDatabaseName("IX_PoliceIncidents_AgencyId_IncidentReference");
        // The list and the DRAMM's "since the last meeting": an area's incidents by when they happened.
        b.HasIndex(i => new { i.AreaId, i.OccurredAt }).HasDatabaseName("IX_PoliceIncidents_AreaId_OccurredAt");
        b.HasIndex(i => i.OccurredAt).HasDatabaseName("IX_PoliceIncidents_OccurredAt");
        b.HasIndex(i => i.VictimPersonId).HasDatabaseName("IX_PoliceIncidents_VictimPersonId");
        b.HasIndex(i => i.PerpetratorPersonId).HasDatabaseName("IX_PoliceIncidents_PerpetratorPersonId");
        b.HasIndex(i => i.ImportId).HasDatabaseName("IX_PoliceIncidents_ImportId");
        b.HasIndex(i => i.RecordedByUserId).HasDatabaseName("IX_PoliceIncidents_RecordedByUserId");
    }
}

internal sealed class IncidentImportConfiguration : IEntityTypeConfiguration<IncidentImport>
{
    public void Configure(EntityTypeBuilder<IncidentImport> b)
    {
        b.ToTable("IncidentImports");
        b.Property(i => i.Token).HasMaxLength(32);
        b.Property(i => i.UploadedByUserId).HasMaxLength(450);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasOne<Agency>().WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(i => i.UploadedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => i.Token).IsUnique().HasDatabaseName("IX_IncidentImports_Token");
        b.HasIndex(i => i.AgencyId).HasDatabaseName("IX_IncidentImports_AgencyId");
        b.HasIndex(i => i.UploadedByUserId).HasDatabaseName("IX_IncidentImports_UploadedByUserId");
    }
}
