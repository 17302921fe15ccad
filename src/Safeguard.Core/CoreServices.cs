using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Reporting;
using Safeguard.Core.Incidents;
using Safeguard.Core.Organisation;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;
using Safeguard.Core.Referrals.Dash;

namespace Safeguard.Core;

public static class CoreServices
{
    /// <summary>The database, the audit trail and the domain services: what every host of Safeguard needs.</summary>
    public static IServiceCollection AddSafeguardCore(this IServiceCollection services, DatabaseOptions database, string contentRoot)
    {
        services.AddSingleton(database);
        services.AddSafeguardDatabase(database, contentRoot);
        services.AddScoped<AuditContext>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<OrganisationService>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<PersonSearch>();
        services.AddScoped<PersonService>();
        services.AddScoped<PersonMerging>();
        services.AddScoped<RiskHistory>();
        services.AddScoped<SafeContact>();
        services.AddScoped<DisclosureSettings>();
        services.AddScoped<DisclosureService>();
        services.AddScoped<DisclosureWorkList>();
        services.AddScoped<DisclosureFiles>();
        services.AddScoped<DocumentTemplates>();
        services.AddScoped<DisclosureSettingsChanges>();
        services.AddScoped<DisclosureFigures>();
        services.AddScoped<FigureCells>();
        services.AddOptions<Notifications.EmailOptions>();
        services.AddScoped<Notifications.Notifier>();
        services.AddScoped<Notifications.EmailOutbox>();
        services.AddScoped<Dramm.DrammSettings>();
        services.AddScoped<Dramm.DrammLists>();
        services.AddScoped<Dramm.DrammSharing>();
        services.AddScoped<Dramm.AgencyInformationService>();
        services.AddScoped<Dramm.DrammOutcomes>();
        services.AddScoped<Dramm.DrammMinutes>();
        services.AddScoped<Dramm.DrammPack>();
        services.AddScoped<ProtectionOrders.ProtectionOrderService>();
        services.AddScoped<Actions.ActionLog>();
        services.AddScoped<Marac.MaracIntake>();
        services.AddScoped<Actions.ActionReminders>();
        services.AddScoped<Marac.MaracMinutes>();
        services.AddScoped<Marac.MaracFigures>();
        services.AddScoped<Marac.ClaresLawReferrals>();
        services.AddScoped<Marac.PartnerReferrals>();
        services.AddScoped<Marac.MaracSettings>();
        services.AddScoped<Marac.MaracMeetings>();
        services.AddScoped<Marac.MaracAgenda>();
        services.AddScoped<Marac.MaracPackReader>();
        services.AddScoped<Marac.MaracPackRelease>();
        services.AddScoped<Marac.MaracLive>();
        services.AddScoped<Marac.MaracCaseRecord>();
        services.AddScoped<DashDefinitions>();
        services.AddScoped<ReferralService>();
        services.AddScoped<IncidentRecorder>();
        services.AddScoped<IncidentImports>();
        services.AddScoped<IncidentSubmissions>();
        return services;
    }
}
