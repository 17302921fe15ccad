using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Incidents;
using Safeguard.Core.Organisation;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;
using Safeguard.Core.Referrals.Dash;
using Safeguard.Core.Security;

namespace Safeguard.Core.Data;

public sealed class SafeguardDbContext(DbContextOptions<SafeguardDbContext> options)
    : IdentityDbContext<User, IdentityRole, string>(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<UserArea> UserAreas => Set<UserArea>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonName> PersonNames => Set<PersonName>();
    public DbSet<PersonAddress> PersonAddresses => Set<PersonAddress>();
    public DbSet<PersonIdentifier> PersonIdentifiers => Set<PersonIdentifier>();
    public DbSet<PersonArea> PersonAreas => Set<PersonArea>();
    public DbSet<PersonMatchKey> PersonMatchKeys => Set<PersonMatchKey>();
    public DbSet<Relationship> Relationships => Set<Relationship>();
    public DbSet<PersonInvolvement> PersonInvolvements => Set<PersonInvolvement>();
    public DbSet<PersonContact> PersonContacts => Set<PersonContact>();
    public DbSet<PersonMerge> PersonMerges => Set<PersonMerge>();
    public DbSet<DisclosureScheme> DisclosureSchemes => Set<DisclosureScheme>();
    public DbSet<DisclosureClock> DisclosureClocks => Set<DisclosureClock>();
    public DbSet<DisclosureApplication> DisclosureApplications => Set<DisclosureApplication>();
    public DbSet<ApplicationPerson> ApplicationPeople => Set<ApplicationPerson>();
    public DbSet<StagePeriod> StagePeriods => Set<StagePeriod>();
    public DbSet<ApplicationEvent> ApplicationEvents => Set<ApplicationEvent>();
    public DbSet<ResearchSource> ResearchSources => Set<ResearchSource>();
    public DbSet<ResearchCheck> ResearchChecks => Set<ResearchCheck>();
    public DbSet<DelayRecord> DelayRecords => Set<DelayRecord>();
    public DbSet<ApplicationFile> ApplicationFiles => Set<ApplicationFile>();
    public DbSet<DocumentTemplate> DocumentTemplates => Set<DocumentTemplate>();
    public DbSet<BankHolidayDate> BankHolidays => Set<BankHolidayDate>();
    public DbSet<Disclosures.Reporting.FigureCell> FigureCells => Set<Disclosures.Reporting.FigureCell>();
    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();
    public DbSet<Notifications.OutboundEmail> OutboundEmails => Set<Notifications.OutboundEmail>();
    public DbSet<Dramm.DrammDay> DrammDays => Set<Dramm.DrammDay>();
    public DbSet<Dramm.DrammMeeting> DrammMeetings => Set<Dramm.DrammMeeting>();
    public DbSet<Dramm.DrammCase> DrammCases => Set<Dramm.DrammCase>();
    public DbSet<Dramm.DrammAgency> DrammAgencies => Set<Dramm.DrammAgency>();
    public DbSet<Dramm.DrammMeetingAgency> DrammMeetingAgencies => Set<Dramm.DrammMeetingAgency>();
    public DbSet<Dramm.AgencyInformation> AgencyInformation => Set<Dramm.AgencyInformation>();
    public DbSet<Actions.CaseAction> CaseActions => Set<Actions.CaseAction>();
    public DbSet<Marac.MaracSchedule> MaracSchedules => Set<Marac.MaracSchedule>();
    public DbSet<Marac.MaracInvitedAgency> MaracInvitedAgencies => Set<Marac.MaracInvitedAgency>();
    public DbSet<Marac.MaracReferral> MaracReferrals => Set<Marac.MaracReferral>();
    public DbSet<Marac.MaracMeeting> MaracMeetings => Set<Marac.MaracMeeting>();
    public DbSet<Marac.MaracCase> MaracCases => Set<Marac.MaracCase>();
    public DbSet<Marac.MaracAttendance> MaracAttendance => Set<Marac.MaracAttendance>();
    public DbSet<Marac.MaracAttendee> MaracAttendees => Set<Marac.MaracAttendee>();
    public DbSet<Marac.MaracCaseInformation> MaracCaseInformation => Set<Marac.MaracCaseInformation>();
    public DbSet<Marac.MaracMinutesVersion> MaracMinutesVersions => Set<Marac.MaracMinutesVersion>();
    public DbSet<Marac.MaracMinutesCorrection> MaracMinutesCorrections => Set<Marac.MaracMinutesCorrection>();
    public DbSet<Actions.ActionUpdate> ActionUpdates => Set<Actions.ActionUpdate>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<ReferralPerson> ReferralPeople => Set<ReferralPerson>();
    public DbSet<ReferralEvent> ReferralEvents => Set<ReferralEvent>();
    public DbSet<QuestionnaireDefinition> QuestionnaireDefinitions => Set<QuestionnaireDefinition>();
    public DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();
    public DbSet<PoliceIncident> PoliceIncidents => Set<PoliceIncident>();
    public DbSet<IncidentImport> IncidentImports => Set<IncidentImport>();
    public DbSet<ProtectionOrders.ProtectionOrder> ProtectionOrders => Set<ProtectionOrders.ProtectionOrder>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SafeguardDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands DateTime back without a Kind; every DateTime here is UTC, so say so on the way out.
        // The converter changes nothing in the schema (TEXT either way).
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
            configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
