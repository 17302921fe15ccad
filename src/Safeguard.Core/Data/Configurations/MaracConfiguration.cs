using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Accounts;
using Safeguard.Core.Marac;
using Safeguard.Core.Organisation;

namespace Safeguard.Core.Data.Configurations;

internal sealed class MaracScheduleConfiguration : IEntityTypeConfiguration<MaracSchedule>
{
    public void Configure(EntityTypeBuilder<MaracSchedule> b)
    {
        b.ToTable("MaracSchedules");
        b.HasKey(s => s.AreaId).HasName("PK_MaracSchedules");
        b.Property(s => s.AreaId).ValueGeneratedNever();
        b.Property(s => s.PackReleaseDay).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne<Area>().WithMany().HasForeignKey(s => s.AreaId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MaracInvitedAgencyConfiguration : IEntityTypeConfiguration<MaracInvitedAgency>
{
    public void Configure(EntityTypeBuilder<MaracInvitedAgency> b)
    {
        b.ToTable("MaracInvitedAgencies");
        b.HasKey(a => new { a.AreaId, a.AgencyId }).HasName("PK_MaracInvitedAgencies");
        b.HasOne<Area>().WithMany().HasForeignKey(a => a.AreaId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.AgencyId).HasDatabaseName("IX_MaracInvitedAgencies_AgencyId");
    }
}

internal sealed class MaracReferralConfiguration : IEntityTypeConfiguration<MaracReferral>
{
    public void Configure(EntityTypeBuilder<MaracReferral> b)
    {
        b.ToTable("MaracReferrals");
        b.Property(r => r.Source).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.Reference).HasMaxLength(30);
        b.Property(r => r.RemovedReason).HasMaxLength(1000);
        b.Property(r => r.CreatedByUserId).HasMaxLength(450);
        b.HasOne<Area>().WithMany().HasForeignKey(r => r.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<MaracMeeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(r => new { r.AreaId, r.MeetingId }).HasDatabaseName("IX_MaracReferrals_Area_Meeting");
        b.HasIndex(r => r.DrammCaseId).HasDatabaseName("IX_MaracReferrals_DrammCaseId");
        b.HasIndex(r => r.ReferralId).HasDatabaseName("IX_MaracReferrals_ReferralId");
        b.HasIndex(r => r.DisclosureApplicationId).HasDatabaseName("IX_MaracReferrals_DisclosureApplicationId");
        b.HasIndex(r => r.VictimPersonId).HasDatabaseName("IX_MaracReferrals_VictimPersonId");
    }
}

internal sealed class MaracMeetingConfiguration : IEntityTypeConfiguration<MaracMeeting>
{
    public void Configure(EntityTypeBuilder<MaracMeeting> b)
    {
        b.ToTable("MaracMeetings");
        b.Property(m => m.PackReleasedByUserId).HasMaxLength(450);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasOne<Area>().WithMany().HasForeignKey(m => m.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Cases).WithOne().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.AreaId, m.Date }).IsUnique().HasDatabaseName("IX_MaracMeetings_Area_Date");
    }
}

internal sealed class MaracCaseConfiguration : IEntityTypeConfiguration<MaracCase>
{
    public void Configure(EntityTypeBuilder<MaracCase> b)
    {
        b.ToTable("MaracCases");
        b.Property(c => c.Reference).HasMaxLength(30);
        b.Property(c => c.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.ReorderReason).HasMaxLength(1000);
        b.Property(c => c.VictimViews).HasMaxLength(8000);
        b.Property(c => c.RiskSummary).HasMaxLength(8000);
        b.Property(c => c.DiscussedByUserId).HasMaxLength(450);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<MaracReferral>().WithMany().HasForeignKey(c => c.MaracReferralId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.MeetingId, c.MaracReferralId }).IsUnique().HasDatabaseName("IX_MaracCases_Meeting_Referral");
        b.HasIndex(c => c.MaracReferralId).HasDatabaseName("IX_MaracCases_MaracReferralId");
        b.HasIndex(c => c.VictimPersonId).HasDatabaseName("IX_MaracCases_VictimPersonId");
    }
}

internal sealed class MaracAttendanceConfiguration : IEntityTypeConfiguration<MaracAttendance>
{
    public void Configure(EntityTypeBuilder<MaracAttendance> b)
    {
        b.ToTable("MaracAttendance");
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Representative).HasMaxLength(200);
        b.Property(a => a.WrittenInformation).HasMaxLength(8000);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<MaracMeeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.MeetingId, a.AgencyId }).IsUnique().HasDatabaseName("IX_MaracAttendance_Meeting_Agency");
        b.HasIndex(a => a.AgencyId).HasDatabaseName("IX_MaracAttendance_AgencyId");
    }
}

internal sealed class MaracAttendeeConfiguration : IEntityTypeConfiguration<MaracAttendee>
{
    public void Configure(EntityTypeBuilder<MaracAttendee> b)
    {
        b.ToTable("MaracAttendees");
        b.Property(a => a.UserId).HasMaxLength(450);
        b.HasOne<MaracMeeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.MeetingId, a.UserId }).IsUnique().HasDatabaseName("IX_MaracAttendees_Meeting_User");
        b.HasIndex(a => a.UserId).HasDatabaseName("IX_MaracAttendees_UserId");
        b.HasIndex(a => a.AgencyId).HasDatabaseName("IX_MaracAttendees_AgencyId");
    }
}

internal sealed class MaracCaseInformationConfiguration : IEntityTypeConfiguration<MaracCaseInformation>
{
    public void Configure(EntityTypeBuilder<MaracCaseInformation> b)
    {
        b.ToTable("MaracCaseInformation");
        b.Property(i => i.Involvement).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Summary).HasMaxLength(8000);
        b.Property(i => i.RecordedByUserId).HasMaxLength(450);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasOne<MaracCase>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agency>().WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.CaseId, i.AgencyId }).IsUnique().HasDatabaseName("IX_MaracCaseInformation_Case_Agency");
        b.HasIndex(i => i.AgencyId).HasDatabaseName("IX_MaracCaseInformation_AgencyId");
    }
}

internal sealed class MaracMinutesVersionConfiguration : IEntityTypeConfiguration<MaracMinutesVersion>
{
    public void Configure(EntityTypeBuilder<MaracMinutesVersion> b)
    {
        b.ToTable("MaracMinutesVersions");
        b.Property(v => v.ChangeNote).HasMaxLength(2000);
        b.Property(v => v.CreatedByUserId).HasMaxLength(450);
        b.HasOne<MaracMeeting>().WithMany().HasForeignKey(v => v.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.MeetingId, v.Number }).IsUnique().HasDatabaseName("IX_MaracMinutesVersions_Meeting_Number");
    }
}

internal sealed class MaracMinutesCorrectionConfiguration : IEntityTypeConfiguration<MaracMinutesCorrection>
{
    public void Configure(EntityTypeBuilder<MaracMinutesCorrection> b)
    {
        b.ToTable("MaracMinutesCorrections");
        b.Property(c => c.ProposedByUserId).HasMaxLength(450);
        b.Property(c => c.Text).HasMaxLength(4000);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Response).HasMaxLength(2000);
        b.Property(c => c.DecidedByUserId).HasMaxLength(450);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<MaracMeeting>().WithMany().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.MeetingId, c.Status }).HasDatabaseName("IX_MaracMinutesCorrections_Meeting_Status");
        b.HasIndex(c => c.AgencyId).HasDatabaseName("IX_MaracMinutesCorrections_AgencyId");
    }
}
