using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Dramm;
using Safeguard.Core.Organisation;

namespace Safeguard.Core.Data.Configurations;

internal sealed class DrammDayConfiguration : IEntityTypeConfiguration<DrammDay>
{
    public void Configure(EntityTypeBuilder<DrammDay> b)
    {
        b.ToTable("DrammDays");
        b.HasKey(d => new { d.AreaId, d.Day }).HasName("PK_DrammDays");
        b.Property(d => d.Day).HasConversion<string>().HasMaxLength(10);
        b.HasOne<Area>().WithMany().HasForeignKey(d => d.AreaId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DrammMeetingConfiguration : IEntityTypeConfiguration<DrammMeeting>
{
    public void Configure(EntityTypeBuilder<DrammMeeting> b)
    {
        b.ToTable("DrammMeetings");
        b.Property(m => m.PreparedByUserId).HasMaxLength(450);
        b.Property(m => m.MinutesReleasedByUserId).HasMaxLength(450);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasOne<Area>().WithMany().HasForeignKey(m => m.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Cases).WithOne().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.AreaId, m.Date }).IsUnique().HasDatabaseName("IX_DrammMeetings_Area_Date");
    }
}

internal sealed class DrammCaseConfiguration : IEntityTypeConfiguration<DrammCase>
{
    public void Configure(EntityTypeBuilder<DrammCase> b)
    {
        b.ToTable("DrammCases");
        b.Ignore(c => c.RecordPath);
        b.Property(c => c.Source).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Record).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Reference).HasMaxLength(30);
        b.Property(c => c.Risk).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Reason).HasMaxLength(200);
        b.Property(c => c.Group).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.OverruledReason).HasMaxLength(1000);
        b.Property(c => c.OverruledByUserId).HasMaxLength(450);
        b.Property(c => c.AgreedRisk).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.RiskRationale).HasMaxLength(4000);
        b.Property(c => c.Decision).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.DecisionRationale).HasMaxLength(4000);
        b.Property(c => c.OutcomeRecordedByUserId).HasMaxLength(450);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.MeetingId, c.Record, c.RecordId }).IsUnique().HasDatabaseName("IX_DrammCases_Meeting_Record");
    }
}

internal sealed class DrammAgencyConfiguration : IEntityTypeConfiguration<DrammAgency>
{
    public void Configure(EntityTypeBuilder<DrammAgency> b)
    {
        b.ToTable("DrammAgencies");
        b.HasKey(a => new { a.AreaId, a.AgencyId }).HasName("PK_DrammAgencies");
        b.HasOne<Area>().WithMany().HasForeignKey(a => a.AreaId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.AgencyId).HasDatabaseName("IX_DrammAgencies_AgencyId");
    }
}

internal sealed class DrammMeetingAgencyConfiguration : IEntityTypeConfiguration<DrammMeetingAgency>
{
    public void Configure(EntityTypeBuilder<DrammMeetingAgency> b)
    {
        b.ToTable("DrammMeetingAgencies");
        b.HasKey(a => new { a.MeetingId, a.AgencyId }).HasName("PK_DrammMeetingAgencies");
        b.HasOne<DrammMeeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.AgencyId).HasDatabaseName("IX_DrammMeetingAgencies_AgencyId");
    }
}

internal sealed class AgencyInformationConfiguration : IEntityTypeConfiguration<AgencyInformation>
{
    public void Configure(EntityTypeBuilder<AgencyInformation> b)
    {
        b.ToTable("DrammAgencyInformation");
        b.Property(i => i.Involvement).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Summary).HasMaxLength(4000);
        b.Property(i => i.RecordedByUserId).HasMaxLength(450);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasOne<DrammCase>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agency>().WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.CaseId, i.AgencyId }).IsUnique().HasDatabaseName("IX_DrammAgencyInformation_Case_Agency");
        b.HasIndex(i => i.AgencyId).HasDatabaseName("IX_DrammAgencyInformation_AgencyId");
    }
}
