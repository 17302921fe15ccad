using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Accounts;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Organisation;
using Safeguard.Core.People;

namespace Safeguard.Core.Data.Configurations;

internal sealed class DisclosureSchemeConfiguration : IEntityTypeConfiguration<DisclosureScheme>
{
    public void Configure(EntityTypeBuilder<DisclosureScheme> b)
    {
        b.ToTable("DisclosureSchemes");
        b.Ignore(s => s.Name);
        b.Property(s => s.Scheme).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Route).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasMany(s => s.Clocks).WithOne().HasForeignKey(c => c.SchemeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.Scheme, s.Route }).IsUnique().HasDatabaseName("IX_DisclosureSchemes_Scheme_Route");
    }
}

internal sealed class DisclosureClockConfiguration : IEntityTypeConfiguration<DisclosureClock>
{
    public void Configure(EntityTypeBuilder<DisclosureClock> b)
    {
        b.ToTable("DisclosureClocks");
        b.Ignore(c => c.Rule);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Unit).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(c => new { c.SchemeId, c.Kind }).IsUnique().HasDatabaseName("IX_DisclosureClocks_SchemeId_Kind");
    }
}

internal sealed class DisclosureApplicationConfiguration : IEntityTypeConfiguration<DisclosureApplication>
{
    public void Configure(EntityTypeBuilder<DisclosureApplication> b)
    {
        b.ToTable("DisclosureApplications");
        b.Ignore(a => a.Reference);
        b.Ignore(a => a.IsOpen);
        b.Property(a => a.Scheme).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Route).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Stage).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.ReceivedVia).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.RiskLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.NextClock).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.ClientReference).HasMaxLength(100);
        b.Property(a => a.SubmittedDetails).HasMaxLength(20000);
        foreach (var shortText in new[] { nameof(DisclosureApplication.SafeContactWay), nameof(DisclosureApplication.SafeContactTimes),
                     nameof(DisclosureApplication.MeetingPlace), nameof(DisclosureApplication.PhotoIdentity), nameof(DisclosureApplication.SecondIdentity),
                     nameof(DisclosureApplication.DeliveryPlace), nameof(DisclosureApplication.ApplicantInformedHow) })
        {
            b.Property(shortText).HasMaxLength(200);
        }

        foreach (var longText in new[] { nameof(DisclosureApplication.WhatPrompted), nameof(DisclosureApplication.ImmediateRisk),
                     nameof(DisclosureApplication.SafeguardingAction), nameof(DisclosureApplication.CriteriaReasons), nameof(DisclosureApplication.MeetingNotes),
                     nameof(DisclosureApplication.RiskAssessment), nameof(DisclosureApplication.DisclosureWording), nameof(DisclosureApplication.Lawful),
                     nameof(DisclosureApplication.Necessary), nameof(DisclosureApplication.Proportionate), nameof(DisclosureApplication.PressingNeed),
                     nameof(DisclosureApplication.OtherSafeguarding), nameof(DisclosureApplication.NoDisclosureReason), nameof(DisclosureApplication.PresentAtDelivery),
                     nameof(DisclosureApplication.RecipientResponse), nameof(DisclosureApplication.SafetyPlan), nameof(DisclosureApplication.Referrals),
                     nameof(DisclosureApplication.OutcomeNotes) })
        {
            b.Property(longText).HasMaxLength(4000);
        }

        foreach (var user in new[] { nameof(DisclosureApplication.OwnerUserId), nameof(DisclosureApplication.DisclosureOfficerUserId),
                     nameof(DisclosureApplication.ResearcherUserId), nameof(DisclosureApplication.DecidedByUserId), nameof(DisclosureApplication.UrgentAcknowledgedByUserId), nameof(DisclosureApplication.CreatedByUserId) })
        {
            b.Property(user).HasMaxLength(450);
        }

        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<DisclosureScheme>().WithMany().HasForeignKey(a => a.SchemeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Area>().WithMany().HasForeignKey(a => a.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.RecipientPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.People).WithOne().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Cascade);

        // The board: open work in some areas by deadline. Closed rows carry a ClosedAt, so "IS NULL" picks the open few.
        b.HasIndex(a => new { a.ClosedAt, a.AreaId, a.NextDueAt }).HasDatabaseName("IX_DisclosureApplications_Open");
        b.HasIndex(a => new { a.OwnerUserId, a.ClosedAt }).HasDatabaseName("IX_DisclosureApplications_Owner");
        b.HasIndex(a => new { a.AreaId, a.ReceivedAt }).HasDatabaseName("IX_DisclosureApplications_Area_Received");
        b.HasIndex(a => a.ReceivedAt).HasDatabaseName("IX_DisclosureApplications_ReceivedAt");

        // The dashboard's figures read only these columns of the applications received in a period: a covering
        // index spares the database a visit to each wide row.
        b.HasIndex(a => new { a.ReceivedAt, a.AreaId, a.Scheme, a.Route, a.Outcome, a.ClosedAt, a.DueAt, a.Disclose, a.SubjectIsRegisteredSexOffender })
            .HasDatabaseName("IX_DisclosureApplications_Figures");
        b.HasIndex(a => a.ClientReference).IsUnique().HasDatabaseName("IX_DisclosureApplications_ClientReference");
        b.HasIndex(a => a.SchemeId).HasDatabaseName("IX_DisclosureApplications_SchemeId");
        b.HasIndex(a => a.RecipientPersonId).HasDatabaseName("IX_DisclosureApplications_RecipientPersonId");
    }
}

internal sealed class ApplicationPersonConfiguration : IEntityTypeConfiguration<ApplicationPerson>
{
    public void Configure(EntityTypeBuilder<ApplicationPerson> b)
    {
        b.ToTable("ApplicationPeople");
        b.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Relationship).HasMaxLength(200);
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.ApplicationId, p.PersonId, p.Role }).IsUnique().HasDatabaseName("IX_ApplicationPeople_Application_Person_Role");
        b.HasIndex(p => p.PersonId).HasDatabaseName("IX_ApplicationPeople_PersonId");
    }
}

internal sealed class StagePeriodConfiguration : IEntityTypeConfiguration<StagePeriod>
{
    public void Configure(EntityTypeBuilder<StagePeriod> b)
    {
        b.ToTable("StagePeriods");
        b.Property(p => p.Stage).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.ByUserId).HasMaxLength(450);
        b.HasOne<DisclosureApplication>().WithMany().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        // Covering for "time in each stage": the periods of the applications in a period, read from the index alone.
        b.HasIndex(p => new { p.ApplicationId, p.Stage, p.LeftAt, p.EnteredAt }).HasDatabaseName("IX_StagePeriods_Application_Stage");
        b.HasIndex(p => new { p.Stage, p.LeftAt }).HasDatabaseName("IX_StagePeriods_Stage_LeftAt");
    }
}

internal sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> b)
    {
        b.ToTable("ApplicationEvents");
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Detail).HasMaxLength(4000);
        b.Property(e => e.ByUserId).HasMaxLength(450);
        b.HasOne<DisclosureApplication>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => e.ApplicationId).HasDatabaseName("IX_ApplicationEvents_ApplicationId");
    }
}

internal sealed class ResearchSourceConfiguration : IEntityTypeConfiguration<ResearchSource>
{
    public void Configure(EntityTypeBuilder<ResearchSource> b)
    {
        b.ToTable("ResearchSources");
        b.Property(s => s.Name).HasMaxLength(100);
        b.HasIndex(s => s.Name).IsUnique().HasDatabaseName("IX_ResearchSources_Name");
    }
}

internal sealed class ResearchCheckConfiguration : IEntityTypeConfiguration<ResearchCheck>
{
    public void Configure(EntityTypeBuilder<ResearchCheck> b)
    {
        b.ToTable("ResearchChecks");
        b.Property(c => c.Result).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Summary).HasMaxLength(4000);
        b.Property(c => c.RecordedByUserId).HasMaxLength(450);
        b.HasOne<DisclosureApplication>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ResearchSource>().WithMany().HasForeignKey(c => c.SourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.ApplicationId).HasDatabaseName("IX_ResearchChecks_ApplicationId");
        b.HasIndex(c => c.SourceId).HasDatabaseName("IX_ResearchChecks_SourceId");
    }
}

internal sealed class DelayRecordConfiguration : IEntityTypeConfiguration<DelayRecord>
{
    public void Configure(EntityTypeBuilder<DelayRecord> b)
    {
        b.ToTable("DelayRecords");
        b.Property(d => d.Reason).HasMaxLength(4000);
        b.Property(d => d.SafeguardingPlan).HasMaxLength(4000);
        b.Property(d => d.RecordedByUserId).HasMaxLength(450);
        b.HasOne<DisclosureApplication>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => d.ApplicationId).HasDatabaseName("IX_DelayRecords_ApplicationId");
    }
}

internal sealed class ApplicationFileConfiguration : IEntityTypeConfiguration<ApplicationFile>
{
    public void Configure(EntityTypeBuilder<ApplicationFile> b)
    {
        b.ToTable("ApplicationFiles");
        b.Property(f => f.Origin).HasConversion<string>().HasMaxLength(30);
        b.Property(f => f.FileName).HasMaxLength(200);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.AddedByUserId).HasMaxLength(450);
        b.HasOne<DisclosureApplication>().WithMany().HasForeignKey(f => f.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ResearchCheck>().WithMany().HasForeignKey(f => f.ResearchCheckId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => f.ApplicationId).HasDatabaseName("IX_ApplicationFiles_ApplicationId");
        b.HasIndex(f => f.ResearchCheckId).HasDatabaseName("IX_ApplicationFiles_ResearchCheckId");
    }
}

internal sealed class DocumentTemplateConfiguration : IEntityTypeConfiguration<DocumentTemplate>
{
    public void Configure(EntityTypeBuilder<DocumentTemplate> b)
    {
        b.ToTable("DocumentTemplates");
        b.Property(t => t.Scheme).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(t => t.FileName).HasMaxLength(200);
        b.Property(t => t.UploadedByUserId).HasMaxLength(450);
        b.HasIndex(t => new { t.Scheme, t.Kind }).HasDatabaseName("IX_DocumentTemplates_Scheme_Kind");
    }
}

internal sealed class BankHolidayDateConfiguration : IEntityTypeConfiguration<BankHolidayDate>
{
    public void Configure(EntityTypeBuilder<BankHolidayDate> b)
    {
        b.ToTable("BankHolidays");
        b.HasKey(h => h.Date);
        b.Property(h => h.Name).HasMaxLength(100);
    }
}

internal sealed class FigureCellConfiguration : IEntityTypeConfiguration<Disclosures.Reporting.FigureCell>
{
    public void Configure(EntityTypeBuilder<Disclosures.Reporting.FigureCell> b)
    {
        b.ToTable("FigureCells");
        b.HasKey(c => new { c.AreaId, c.Month, c.Measure, c.Scheme, c.Route, c.Code, c.Tenths }).HasName("PK_FigureCells");
        b.Property(c => c.Measure).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Scheme).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Route).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Code).HasMaxLength(30);
        // Covering indexes with the count last, so a month range is read from the index alone: one led by the
        // area for CRU staff (a few areas), one without it for auditors (every area).
        b.HasIndex(c => new { c.Measure, c.AreaId, c.Month, c.Scheme, c.Route, c.Code, c.Tenths, c.Count }).HasDatabaseName("IX_FigureCells_Area");
        b.HasIndex(c => new { c.Measure, c.Month, c.Scheme, c.Route, c.Code, c.Tenths, c.Count }).HasDatabaseName("IX_FigureCells_Month");
    }
}
