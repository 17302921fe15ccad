using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Safeguard.Core;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Web.Demo;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Infrastructure;

public static class SafeguardServices
{
    public const string SignInRateLimit = "sign-in";
    public const string ApiRateLimit = "api";
    public const string ApiDocs = "ApiDocs";
    public const string PasswordSignedIn = "PasswordSignedIn";
    public const string DisclosuresPolicy = "Disclosures";
    public const string BoardPolicy = "Disclosures.Board";
    public const string DrammPeoplePolicy = "DrammPeople";
    public const string MaracPeoplePolicy = "MaracPeople";
    public const string ApiClient = "ApiClient";
    public const string ReferralsPolicy = "Referrals";
    public const string IncidentsPolicy = "Incidents";

    public static WebApplicationBuilder AddSafeguard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        var database = config.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var security = config.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();

        // Cookies are Secure-only everywhere but on a developer's own machine, which serves plain http://localhost.
        var securePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.Configure<SecurityOptions>(config.GetSection("Security"));
        services.Configure<DemoOptions>(config.GetSection("Demo"));
        services.Configure<Core.Notifications.EmailOptions>(config.GetSection("Email"));
        services.AddHostedService<EmailDelivery>();
        services.AddHostedService<ActionReminderSweep>();
        services.AddHostedService<MaracPackReleaseSweep>();
        DemoOptions.RefuseOutsideDevelopment(config, builder.Environment);

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });

        services.AddSingleton(TimeProvider.System);
        services.AddSafeguardCore(database, builder.Environment.ContentRootPath);
        services.AddScoped<RecordScope>();
        services.AddScoped<Scopes.DrammCaseScope>();
        services.AddScoped<Scopes.MaracScope>();
        services.AddSingleton<Pages.People.SearchReceipts>();
        services.AddScoped<CspNonce>();
        services.AddScoped<DemoData>();
        services.AddScoped<DemoPeople>();
        services.AddScoped<DemoDisclosures>();
        services.AddScoped<DemoMeetings>();
        services.AddScoped<IAuthorizationHandler, UserRecordScope>();
        services.AddScoped<IAuthorizationHandler, AreaRecordScope>();
        services.AddScoped<IAuthorizationHandler, PersonRecordScope>();
        services.AddScoped<IAuthorizationHandler, ApplicationRecordScope>();
        services.AddScoped<IAuthorizationHandler, ReferralRecordScope>();
        services.AddScoped<IAuthorizationHandler, IncidentRecordScope>();
        services.AddHttpContextAccessor();

        services.AddIdentity<User, IdentityRole>(AccountPolicy.Apply)
            .AddEntityFrameworkStores<SafeguardDbContext>()
            .AddSignInManager<SafeguardSignInManager>()
            .AddClaimsPrincipalFactory<SafeguardClaimsFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "safeguard.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = securePolicy;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
            o.SlidingExpiration = true;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/error/403";
            o.ReturnUrlParameter = "returnUrl";
            o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
        });
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.ExternalScheme, IdentityConstants.TwoFactorRememberMeScheme })
        {
            services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(scheme, o =>
            {
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = securePolicy;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            });
        }

        services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);

        services.AddAuthorization(o =>
        {
            // Deny by default: every page and endpoint needs a user who has passed both factors,
            // unless it names another policy or is one of the listed public exceptions.
            o.FallbackPolicy = new AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(SafeguardClaims.AuthenticationMethod, SafeguardClaims.MultiFactor)
                .Build();
            o.AddPolicy(PasswordSignedIn, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser());
            o.AddPolicy(ApiClient, p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser());
            o.AddPolicy(ApiDocs, p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName, IdentityConstants.ApplicationScheme)
                .RequireAssertion(c => c.User.HasSecondFactor() || c.User.HasClaim(h => h.Type == SafeguardClaims.ApiTokenId)));
            // A page for people signed in with both factors who hold any one of these capabilities.
            void AnyOf(string name, params Capability[] capabilities) => o.AddPolicy(name, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(SafeguardClaims.AuthenticationMethod, SafeguardClaims.MultiFactor)
                .RequireAssertion(c => capabilities.Any(capability => Capabilities.Has(c.User, capability))));

            foreach (var capability in Enum.GetValues<Capability>())
            {
                AnyOf(Capabilities.PolicyName(capability), capability);
            }

            // Disclosure work is read by the CRU in its areas and by auditors everywhere; the pages then ask for the
            // capability of each change, and the record scope decides per application.
            AnyOf(DisclosuresPolicy, Capability.WorkOnDisclosures, Capability.ReadAllDisclosures);
            AnyOf(BoardPolicy, Capability.AllocateDisclosures, Capability.ReadAllDisclosures);

            // The people who run the DRAMM, and the agencies' people who see its cases, read its minutes and carry out its actions.
            AnyOf(DrammPeoplePolicy, Capability.PrepareDramm, Capability.ViewDrammCases);

            // The MARAC's co-ordinators and chairs, and the invited agencies' people; MaracScope decides per meeting.
            AnyOf(MaracPeoplePolicy, Capability.PrepareMarac, Capability.ViewMaracCases);

            // Referrals are read by those who record them, in their areas, and by auditors everywhere.
            AnyOf(ReferralsPolicy, Capability.RecordReferrals, Capability.ReadAllReferrals);

            // Police incidents: the police roles in their areas and auditors everywhere; the import pages ask for ImportIncidents.
            AnyOf(IncidentsPolicy, Capability.ViewIncidents, Capability.ReadAllIncidents);

            foreach (var scope in ApiTokenService.KnownScopes.Keys)
            {
                o.AddPolicy("Scope:" + scope, p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName)
                    .RequireAuthenticatedUser().RequireClaim(SafeguardClaims.ApiScope, scope));
            }
        });
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, SecondFactorRedirect>();

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "safeguard.af";
            o.Cookie.SecurePolicy = securePolicy;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__RequestVerificationToken";
        });

        services.AddSingleton<DatabaseXmlRepository>();
        services.AddDataProtection().SetApplicationName("Safeguard");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<DatabaseXmlRepository>()));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = security.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(ApiRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = security.ApiRequestsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });

        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", Capabilities.PolicyName(Capability.ManageUsers));
            o.Conventions.AuthorizeFolder("/Admin/Organisation", Capabilities.PolicyName(Capability.ManageOrganisation));
            o.Conventions.AuthorizeFolder("/Admin/Email", Capabilities.PolicyName(Capability.ManageOrganisation));
            o.Conventions.AuthorizeFolder("/Audit", Capabilities.PolicyName(Capability.ReadAuditTrail));
            o.Conventions.AuthorizeFolder("/People", Capabilities.PolicyName(Capability.FindPeople));
            o.Conventions.AuthorizeFolder("/Disclosures", DisclosuresPolicy);
            o.Conventions.AuthorizeFolder("/Actions", DrammPeoplePolicy);
            o.Conventions.AuthorizeFolder("/Marac", MaracPeoplePolicy);
            o.Conventions.AuthorizeFolder("/MaracFigures", Capabilities.PolicyName(Capability.ViewMaracFigures));
            o.Conventions.AuthorizeFolder("/Admin/Disclosures", Capabilities.PolicyName(Capability.ManageDisclosureSettings));
            o.Conventions.AuthorizeFolder("/Account/Setup", PasswordSignedIn);
            // The list needs the capability; a referral's own pages are found only through its record scope, so anyone
            // without it (a partner agency included) gets 404 there, never a hint that the referral exists.
            o.Conventions.AuthorizePage("/Referrals/Index", ReferralsPolicy);
            o.Conventions.AuthorizeFolder("/Incidents", IncidentsPolicy);
            o.Conventions.AuthorizeFolder("/Incidents/Import", Capabilities.PolicyName(Capability.ImportIncidents));
        }).AddMvcOptions(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        // The API names its choices in words (scheme "dvds", stage "criteriaReview"), never by number, both ways.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(
            new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase, allowIntegerValues: false)));
        services.AddOpenApi("v1");
        services.AddProblemDetails();
        services.AddHealthChecks();
        return builder;
    }
}
