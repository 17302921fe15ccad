using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Accounts;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.Data;
using Safeguard.Core.Disclosures;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;

namespace Safeguard.Core.Marac;

/// <summary>A person as they will go on the referral: the application's person at risk, subject or child, in the referral's role.</summary>
public sealed record ClaresLawPerson(int PersonId, ReferralRole Role);

/// <summary>
/// The referral as the form shows it before anything is saved: everything the application and the signed-in officer
/// already hold, so nothing is typed twice. <see cref="Version"/> is the application's, so a change meanwhile is caught.
/// </summary>
public sealed record ClaresLawDraft(
    int ApplicationId, string ApplicationReference, int AreaId, int Version, IReadOnlyList<ClaresLawPerson> People,
    string ReferrerName, string ReferrerAgency, string ReferrerRole, string ReferrerContact, ReferralCriteria Criteria, string Reason);

/// <summary>What the officer confirms or adds: the application's version they read, and the victim's knowledge and consent, which the application does not hold.</summary>
public sealed record ClaresLawReferralInput(
    int Version, string? ReferrerRole, string? ReferrerContact, string? Reason, bool? VictimAware, Answer? VictimConsents, string? ActionsTaken);

/// <summary>
/// From Clare's Law to MARAC. When a DVDS application's risk assessment rates the risk high, the usual MARAC referral
/// applies and the police are the referring agency (reference.md section 4). The referral is made from the
/// application: its person at risk as victim, its subject as perpetrator, its children as children, routed to MARAC
/// at once (the risk is already assessed) and queued for the area's MARAC through <see cref="MaracIntake"/>, all in
/// one audited write. One referral per application; MARAC takes victims aged 16 or over only.
/// </summary>
public sealed class ClaresLawReferrals(
    SafeguardDbContext db, AuditTrail audit, AuditContext actor, TimeProvider clock, PersonService people, ReferralService referrals, MaracIntake intake)
{
    public const string StaleMessage = "Someone else changed this application while you were working on it. Check the application and try again.";

    public const string NotOfferedMessage = "Only a Clare's Law (DVDS) application whose risk assessment rated the risk high is referred to MARAC from here";

    public const string UnderSixteenMessage =
        "The person at risk is under 16. MARAC takes victims aged 16 or over: refer them to children's safeguarding (for example the MASH) instead";

    /// <summary>Whether the application offers a MARAC referral: a DVDS application researched and rated high risk.</summary>
    public static bool Offered(DisclosureApplication app) => app.Scheme == Scheme.Dvds && app.RiskLevel == RiskLevel.High;

    public static string AlreadyReferredMessage(int referralId) => $"This application was already referred to MARAC: {Referral.FormatReference(referralId)}";

    /// <summary>The referral already made from this application, if any.</summary>
    public Task<int?> ReferralIdAsync(int applicationId, CancellationToken ct = default) =>
        db.Referrals.Where(r => r.DisclosureApplicationId == applicationId).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);

    /// <summary>The referral pre-filled from the application and the signed-in officer (their name, agency, roles and email).</summary>
    public async Task<ClaresLawDraft> DraftAsync(DisclosureApplication app, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == actor.ActorUserId, ct);
        var agency = await db.Agencies.Where(a => a.Id == user.AgencyId).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "Police";
        var roleNames = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);
        var role = string.Join(", ", roleNames.Order(StringComparer.Ordinal).Select(Roles.DisplayName));
        return new ClaresLawDraft(app.Id, app.Reference, app.AreaId, app.Version, PeopleOf(app), user.DisplayName, agency,
            role.Length == 0 ? "Police officer" : role, user.Email ?? "", ReferralCriteria.ProfessionalJudgement, app.RiskAssessment ?? "");
    }

    /// <summary>
    /// The application's people in their referral roles: the person at risk is the victim, the subject the
    /// perpetrator, children stay children. The applicant and the recipient are not parties to the abuse, so they
    /// stay off the referral unless they hold one of those roles too. One person is on the referral once, in the first role.
    /// </summary>
    public static IReadOnlyList<ClaresLawPerson> PeopleOf(DisclosureApplication app)
    {
        var list = new List<ClaresLawPerson>();
        var victim = app.People.Where(p => p.Role == ApplicationRole.PersonAtRisk).OrderBy(p => p.Id).FirstOrDefault();
        if (victim is not null)
        {
            list.Add(new(victim.PersonId, ReferralRole.Victim));
        }

        foreach (var (role, as_) in new[] { (ApplicationRole.Subject, ReferralRole.Perpetrator), (ApplicationRole.Child, ReferralRole.Child) })
        {
            foreach (var p in app.People.Where(p => p.Role == role).OrderBy(p => p.Id))
            {
                if (list.All(x => x.PersonId != p.PersonId))
                {
                    list.Add(new(p.PersonId, as_));
                }
            }
        }

        return list;
    }

    public async Task<Result<Referral>> ReferAsync(int applicationId, ClaresLawReferralInput input, CancellationToken ct = default)
    {
        var app = await db.DisclosureApplications.Include(a => a.People).FirstAsync(a => a.Id == applicationId, ct);
        if (app.Version != input.Version)
        {
            return Result<Referral>.Fail(new FieldError("Version", StaleMessage));
        }

        if (!Offered(app))
        {
            return Result<Referral>.Fail(new FieldError("Application", NotOfferedMessage));
        }

        if (await ReferralIdAsync(app.Id, ct) is int existing)
        {
            return Result<Referral>.Fail(new FieldError("Application", AlreadyReferredMessage(existing)));
        }

        var draft = await DraftAsync(app, ct);
        var errors = new List<FieldError>();
        var victim = draft.People.FirstOrDefault(p => p.Role == ReferralRole.Victim);
        var today = London.Today(clock);
        if (victim is null)
        {
            errors.Add(new("People", "Add the person at risk to the application before referring to MARAC"));
        }
        else if (ReferralService.IsUnder16(await db.People.AsNoTracking().FirstAsync(p => p.Id == victim.PersonId, ct), today))
        {
            errors.Add(new("People", UnderSixteenMessage));
        }

        if (draft.People.All(p => p.Role != ReferralRole.Perpetrator))
        {
            errors.Add(new("People", "Add the subject to the application before referring to MARAC"));
        }

        // The referral form's own rules (lengths, required answers) so a Clare's Law referral reads like any other.
        var form = await referrals.CheckAsync(new NewReferral(ReferralKind.ClaresLaw, app.AreaId, today, null, draft.ReferrerName, draft.ReferrerAgency,
            input.ReferrerRole, input.ReferrerContact, draft.Criteria, input.Reason, input.VictimAware, input.VictimConsents, null, null, null, null, input.ActionsTaken), ct);
        errors.AddRange(form.Errors);
        if (errors.Count > 0)
        {
            return Result<Referral>.Fail(errors);
        }

        try
        {
            return Result<Referral>.Ok(await SaveAsync(app, form.Value!, draft, ct));
        }
        catch (DbUpdateException)
        {
            // Two officers at once: the application's version, or the one-referral index, stops the second.
            db.ChangeTracker.Clear();
            return await ReferralIdAsync(applicationId, ct) is int first
                ? Result<Referral>.Fail(new FieldError("Application", AlreadyReferredMessage(first)))
                : Result<Referral>.Fail(new FieldError("Version", StaleMessage));
        }
    }

    private async Task<Referral> SaveAsync(DisclosureApplication app, Referral referral, ClaresLawDraft draft, CancellationToken ct)
    {
        await using var write = await audit.BeginAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        app.Version++;
        await db.SaveChangesAsync(ct);

        referral.Routing = ReferralRouting.Marac;
        referral.DisclosureApplicationId = app.Id;
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(ct);
        write.Record("referral.created", "Referral", Id(referral.Id), after: new
        {
            Kind = referral.Kind.ToString(), referral.AreaId, referral.ReceivedAt, ReferrerCriteria = referral.ReferrerCriteria.ToString(),
            referral.VictimAware, VictimConsents = referral.VictimConsents.ToString(), referral.DisclosureApplicationId,
        });
        Timeline(referral, "Referral received", $"{ReferralNames.Of(referral.Kind)} from {referral.ReferrerAgency}", now);

        int? victimId = null;
        foreach (var person in draft.People)
        {
            db.ReferralPeople.Add(new ReferralPerson { ReferralId = referral.Id, PersonId = person.PersonId, Role = person.Role, AddedAt = now });
            await people.RecordInvolvementAsync(new PersonInvolvement
            {
                PersonId = person.PersonId, AreaId = referral.AreaId, Kind = InvolvementKind.Referral, Role = ReferralNames.CaseRoleOf(person.Role),
                OccurredAt = referral.ReceivedAt, Reference = referral.Reference, RiskLevel = RiskLevel.High,
            }, write, ct);
            write.Record("referral.person-added", "Referral", Id(referral.Id), after: new { person.PersonId, Role = person.Role.ToString() });
            Timeline(referral, $"{person.Role} added", Person.FormatReference(person.PersonId), now);
            victimId ??= person.Role == ReferralRole.Victim ? person.PersonId : null;
        }

        // Routed to MARAC on the application's own risk assessment, and recorded on the victim's history as a MARAC
        // referral, from which later repeats count, as a referral routed by its DASH checklist is.
        await people.RecordInvolvementAsync(new PersonInvolvement
        {
            PersonId = victimId!.Value, AreaId = referral.AreaId, Kind = InvolvementKind.MaracReferral, Role = CaseRole.Victim,
            OccurredAt = referral.ReceivedAt, Reference = referral.Reference, RiskLevel = RiskLevel.High,
        }, write, ct);
        write.Record("referral.routed", "Referral", Id(referral.Id),
            before: new { Routing = nameof(ReferralRouting.AwaitingAssessment) }, after: new { Routing = referral.Routing.ToString() });
        Timeline(referral, ReferralNames.Of(ReferralRouting.Marac), $"The Clare's Law application {app.Reference} assessed the risk as high", now);

        // A case the DRAMM already queued from this application keeps the category the DRAMM gave it.
        var queued = await db.MaracReferrals.AsNoTracking().Where(r => r.DisclosureApplicationId == app.Id).Select(r => (MaracCategory?)r.Category).FirstOrDefaultAsync(ct);
        var entry = await intake.ReferAsync(new MaracReferralInput(app.AreaId, MaracReferralSource.ClaresLaw, queued ?? MaracCategory.ClaresLaw, now, referral.Reference,
            ReferralId: referral.Id, DisclosureApplicationId: app.Id, VictimPersonId: victimId,
            ChildrenLinked: draft.People.Any(p => p.Role == ReferralRole.Child)), write, ct);

        db.ApplicationEvents.Add(new ApplicationEvent
        {
            ApplicationId = app.Id, At = now, ByUserId = actor.ActorUserId, Title = "Referred to MARAC", Detail = $"Referral {referral.Reference}",
        });
        write.Record("disclosure.referred-to-marac", "DisclosureApplication", Id(app.Id), summary: referral.Reference,
            after: new { ReferralId = referral.Id, MaracReferralId = entry.Id });
        await write.CommitAsync(ct);
        return referral;
    }

    private void Timeline(Referral referral, string title, string? detail, DateTime at) =>
        db.ReferralEvents.Add(new ReferralEvent { ReferralId = referral.Id, At = at, ByUserId = actor.ActorUserId, Title = title, Detail = detail });

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
