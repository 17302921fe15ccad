using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Bench.Disclosures;
using Safeguard.Core;
using Safeguard.Core.Accounts;
using Safeguard.Core.Actions;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Dramm;
using Safeguard.Core.Marac;
using Safeguard.Core.Organisation;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;
using Safeguard.Core.Referrals.Dash;

namespace Safeguard.Bench.Marac;

/// <summary>
/// The target: "Build and release the pack of a 40-case MARAC in 2 seconds or less". An area with 40 waiting
/// cases, each a partner referral with its people and a DASH, discussed at a DRAMM with four agencies' information and
/// two actions, among background data (other areas' referrals, DRAMM cases and a year of past MARACs), is seeded
/// directly (not timed). Each iteration sets up a fresh meeting (not timed), then times what the co-ordinator's
/// clicks do: build the agenda, read the pack and write its DOCX, and release it (notifying the invited agencies'
/// people). Before the next iteration the 40 referrals are put back in the queue.
/// </summary>
internal static class MaracScenario
{
    public static readonly DateTime Now = new(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);
    private const int Cases = 40;
    private const int Agencies = 8;
    private const int BackgroundReferrals = 2000;

    public static async Task<Dictionary<string, object>> RunAsync(DatabaseOptions database, int iterations)
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FixedClock(Now))
            .AddSafeguardCore(database, Directory.GetCurrentDirectory())
            .BuildServiceProvider();
        var seed = Stopwatch.StartNew();
        var (area, coordinator, waiting) = await SeedAsync(services);
        var report = new Dictionary<string, object> { ["cases"] = Cases, ["seedSeconds"] = Math.Round(seed.Elapsed.TotalSeconds, 1), ["iterations"] = iterations };

        var build = new List<double>();
        var pack = new List<double>();
        var release = new List<double>();
        var total = new List<double>();
        var docxBytes = 0;
        var calendar = new MaracCalendar(MaracSchedule.Default(area));
        var dates = calendar.From(DateOnly.FromDateTime(Now)).GetEnumerator();
        for (var i = -1; i < iterations; i++)
        {
            dates.MoveNext();
            int meetingId;
            using (var scope = Scope(services, coordinator))
            {
                meetingId = (await scope.ServiceProvider.GetRequiredService<MaracMeetings>().SetUpAsync(area, dates.Current)).Value!.Id;
            }

            var all = Stopwatch.StartNew();
            var step = Stopwatch.StartNew();
            using (var scope = Scope(services, coordinator))
            {
                var built = await scope.ServiceProvider.GetRequiredService<MaracAgenda>().BuildAsync(meetingId);
                if (built.Value!.Cases.Count != Cases)
                {
                    throw new InvalidOperationException($"Expected {Cases} cases on the agenda, got {built.Value.Cases.Count}");
                }
            }

            var buildMs = step.Elapsed.TotalMilliseconds;
            step.Restart();
            using (var scope = Scope(services, coordinator))
            {
                var content = await scope.ServiceProvider.GetRequiredService<MaracPackReader>().ReadAsync(meetingId);
                docxBytes = MaracPackDocx.Build(content).Length;
            }

            var packMs = step.Elapsed.TotalMilliseconds;
            step.Restart();
            using (var scope = Scope(services, coordinator))
            {
                var released = await scope.ServiceProvider.GetRequiredService<MaracPackRelease>().ReleaseAsync(meetingId);
                if (!released.Succeeded)
                {
                    throw new InvalidOperationException("Release refused: " + string.Join("; ", released.Errors));
                }
            }

            var releaseMs = step.Elapsed.TotalMilliseconds;
            var totalMs = all.Elapsed.TotalMilliseconds;
            if (i >= 0)
            {
                // The first round warms up the JIT and the connection pool; it is not counted.
                build.Add(buildMs);
                pack.Add(packMs);
                release.Add(releaseMs);
                total.Add(totalMs);
            }

            using (var scope = services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
                await db.MaracReferrals.Where(r => waiting.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.MeetingId, (int?)null));
            }
        }

        report["buildAgendaMs"] = Percentiles(build);
        report["buildPackMs"] = Percentiles(pack);
        report["releaseMs"] = Percentiles(release);
        report["totalMs"] = Percentiles(total);
        report["docxKilobytes"] = Math.Round(docxBytes / 1024.0, 1);
        report["targetMs"] = 2000;
        return report;
    }

    private static IServiceScope Scope(IServiceProvider services, string actor)
    {
        var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().ActorUserId = actor;
        return scope;
    }

    private static object Percentiles(List<double> times)
    {
        var sorted = times.Order().ToList();
        double At(double p) => Math.Round(sorted[(int)Math.Ceiling(p * sorted.Count) - 1], 1);
        return new { p50 = At(0.50), p95 = At(0.95), max = At(1.0), runs = sorted.Count };
    }

    /// <summary>The MARAC area and its background; returns the area, its co-ordinator and the 40 waiting referrals' ids.</summary>
    private static async Task<(int Area, string Coordinator, List<int> Waiting)> SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var areas = Enumerable.Range(1, 5).Select(i => new Area { Name = $"MARAC bench area {i}", CreatedAt = Now, Version = 1 }).ToList();
        var agencies = Enumerable.Range(1, Agencies).Select(i => new Agency { Name = $"Bench agency {i} (fictional)", Kind = AgencyKind.Other, CreatedAt = Now, Version = 1 }).ToList();
        db.Areas.AddRange(areas);
        db.Agencies.AddRange(agencies);
        await db.SaveChangesAsync();
        var area = areas[0].Id;

        // People: a co-ordinator and, per agency, four representatives in the area (six agencies invited).
        var roles = new Dictionary<string, string>();
        foreach (var name in new[] { Roles.MaracCoordinator, Roles.AgencyRepresentative })
        {
            var role = new IdentityRole(name) { NormalizedName = name.ToUpperInvariant() };
            if (await db.Roles.FirstOrDefaultAsync(r => r.NormalizedName == role.NormalizedName) is { } existing)
            {
                role = existing;
            }
            else
            {
                db.Roles.Add(role);
            }

            roles[name] = role.Id;
        }

        var users = new List<User>();
        User NewUser(string name, int agency, string role)
        {
            var user = new User { UserName = $"{name}@example.org", Email = $"{name}@example.org", DisplayName = $"{name} (fictional)", AgencyId = agency, CreatedAt = Now };
            db.Users.Add(user);
            db.UserAreas.Add(new UserArea { UserId = user.Id, AreaId = area });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role] });
            users.Add(user);
            return user;
        }

        var coordinator = NewUser("marac.bench.coordinator", agencies[0].Id, Roles.MaracCoordinator);
        foreach (var agency in agencies)
        {
            for (var i = 0; i < 4; i++)
            {
                NewUser($"marac.bench.rep{agency.Id}.{i}", agency.Id, Roles.AgencyRepresentative);
            }
        }

        db.MaracInvitedAgencies.AddRange(agencies.Take(6).Select(a => new MaracInvitedAgency { AreaId = area, AgencyId = a.Id }));
        await db.SaveChangesAsync();

        // Referrals: 40 for the MARAC area, the background spread over the others; each with three people and a DASH.
        var findings = JsonSerializer.Serialize(ReferralNames.Criteria.Select((c, i) => new CriterionFinding(c, i % 2 == 0, "Fictional evidence for the benchmark")).ToList(),
            new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } });
        var referrals = new List<(Referral Referral, int Victim)>();
        for (var from = 0; from < Cases + BackgroundReferrals; from += 200)
        {
            // In batches: the people need their ids before the referral can name them.
            var batch = new List<(Referral Referral, List<(ReferralRole Role, Person Person)> People)>();
            for (var i = from; i < Math.Min(from + 200, Cases + BackgroundReferrals); i++)
            {
                var inArea = i < Cases ? area : areas[1 + (i % 4)].Id;
                var people = new[] { ReferralRole.Victim, ReferralRole.Perpetrator, ReferralRole.Child }.Select(role => (role, NewPerson(i, role, inArea))).ToList();
                db.People.AddRange(people.Select(p => p.Item2));
                var referral = new Referral
                {
                    Kind = ReferralKind.AgencyReferral, AreaId = inArea, ReceivedAt = Now.AddDays(-10).AddMinutes(i), ReferrerName = "Riley Referrer (fictional)",
                    ReferrerAgency = "Bench Housing (fictional)", ReferrerRole = "Housing officer", ReferrerContact = "01632 960000",
                    ReferrerCriteria = ReferralCriteria.VisibleHighRisk | ReferralCriteria.ProfessionalJudgement, Reason = "Fictional reason for the benchmark, a few sentences long.",
                    VictimAware = true, VictimConsents = Answer.Yes, PreviousMarac = "None known", ActionsTaken = "Safety plan (fictional)",
                    Routing = ReferralRouting.Marac, CreatedAt = Now, Version = 1,
                };
                db.Referrals.Add(referral);
                batch.Add((referral, people));
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            foreach (var (referral, people) in batch)
            {
                db.ReferralPeople.AddRange(people.Select(p => new ReferralPerson { ReferralId = referral.Id, PersonId = p.Person.Id, Role = p.Role, AddedAt = Now }));
                db.RiskAssessments.Add(new RiskAssessment
                {
                    ReferralId = referral.Id, DefinitionKey = DashKeys.Partner, DefinitionVersion = 1, Answers = "{}", YesCount = 14 + (referral.Id % 10),
                    RiskLevel = RiskLevel.High, CriteriaMet = ReferralCriteria.VisibleHighRisk, Findings = findings, AssessedAt = Now.AddDays(-9),
                });
                referrals.Add((referral, people[0].Person.Id));
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        await db.People.Where(p => p.CanonicalId == 0).ExecuteUpdateAsync(u => u.SetProperty(p => p.CanonicalId, p => p.Id));

        // A DRAMM a week ago discussed every referral: four agencies' information and two actions each.
        var byArea = referrals.GroupBy(r => r.Referral.AreaId).ToList();
        var drammCases = new Dictionary<int, DrammCase>();
        foreach (var group in byArea)
        {
            var meeting = new DrammMeeting
            {
                AreaId = group.Key, Date = DateOnly.FromDateTime(Now.AddDays(-7)), ReleaseByUtc = Now.AddDays(-7), MeetsAtUtc = Now.AddDays(-7).AddHours(1),
                WindowFromUtc = Now.AddDays(-14), WindowToUtc = Now.AddDays(-7), PreparedAt = Now.AddDays(-8), Version = 1,
            };
            var position = 0;
            foreach (var (referral, _) in group)
            {
                var c = new DrammCase
                {
                    Source = CaseSource.ThirdPartyReferral, Record = CaseRecord.Referral, RecordId = referral.Id, Reference = referral.Reference, At = referral.ReceivedAt,
                    Risk = RiskLevel.High, VictimConsented = true, Eligible = true, Reason = "High risk (fictional)", Group = AgendaGroup.NoChildrenThirdParty, OnList = true,
                    Position = ++position, AgreedRisk = RiskLevel.High, RiskRationale = "Fictional rationale", Decision = MaracDecision.FullDiscussion,
                    DecisionRationale = "Visible high risk (fictional)", OutcomeRecordedAt = Now.AddDays(-7), Version = 1,
                };
                meeting.Cases.Add(c);
                drammCases[referral.Id] = c;
            }

            db.DrammMeetings.Add(meeting);
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        foreach (var (referral, victim) in referrals)
        {
            var c = drammCases[referral.Id];
            db.AgencyInformation.AddRange(agencies.Take(4).Select(a => new AgencyInformation
            {
                CaseId = c.Id, AgencyId = a.Id, Known = true, Involvement = Involvement.Open, Summary = "Known to the agency; fictional summary of contact in the last year.",
                RecordedAt = Now.AddDays(-7),
            }));
            db.CaseActions.AddRange(Enumerable.Range(0, 2).Select(n => new CaseAction
            {
                Source = ActionSource.DrammCase, SourceId = c.Id, Reference = c.Reference, AreaId = referral.AreaId, OwnerAgencyId = agencies[n].Id,
                OwnerUserId = users[1 + n].Id, Description = "Fictional action for the benchmark.", DueOn = DateOnly.FromDateTime(Now.AddDays(7)),
                Status = ActionStatus.Open, CreatedAt = Now.AddDays(-7), Version = 1,
            }));
            db.MaracReferrals.Add(new MaracReferral
            {
                AreaId = referral.AreaId, Source = MaracReferralSource.Dramm, Category = (MaracCategory)(referral.Id % 4), ReferredAt = Now.AddDays(-7).AddMinutes(referral.Id),
                Reference = referral.Reference, ReferralId = referral.Id, DrammCaseId = c.Id, VictimPersonId = victim, ChildrenLinked = true, CreatedAt = Now.AddDays(-7),
            });
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();

        // A year of past MARACs in the area (heard, released), so the 12-month notices have history to look through.
        var past = new MaracCalendar(MaracSchedule.Default(area)).From(DateOnly.FromDateTime(Now.AddDays(-380))).TakeWhile(d => d < DateOnly.FromDateTime(Now)).ToList();
        var backgroundInArea = await db.MaracReferrals.Where(r => r.AreaId != area).OrderBy(r => r.Id).Take(past.Count * 20).ToListAsync();
        var k = 0;
        foreach (var date in past)
        {
            var meeting = new MaracMeeting
            {
                AreaId = area, Date = date, StartsAtUtc = date.ToDateTime(new TimeOnly(9, 30), DateTimeKind.Utc), PackReleaseByUtc = date.AddDays(-6).ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc),
                CreatedAt = Now.AddDays(-400), AgendaBuiltAt = Now.AddDays(-400), PackReleasedAt = date.AddDays(-6).ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc), Version = 1,
            };
            db.MaracMeetings.Add(meeting);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            var position = 0;
            foreach (var r in backgroundInArea.Skip(k).Take(20))
            {
                r.MeetingId = meeting.Id;
                db.MaracCases.Add(new MaracCase
                {
                    MeetingId = meeting.Id, MaracReferralId = r.Id, Reference = r.Reference, Category = r.Category, ReferredAt = r.ReferredAt, VictimPersonId = r.VictimPersonId,
                    Position = ++position, Minutes = 15, Version = 1,
                });
            }

            k += 20;
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        var waiting = await db.MaracReferrals.Where(r => r.AreaId == area && r.MeetingId == null).Select(r => r.Id).ToListAsync();
        return (area, coordinator.Id, waiting);
    }

    private static Person NewPerson(int i, ReferralRole role, int area) => new()
    {
        DateOfBirth = new DateOnly(1970 + (i % 30), 1 + (i % 12), 1 + (i % 28)).AddYears(role == ReferralRole.Child ? 35 : 0),
        CreatedInAreaId = area, CreatedAt = Now, Version = 1,
        Names = [new PersonName { GivenName = role switch { ReferralRole.Victim => "Vicky", ReferralRole.Perpetrator => "Pat", _ => "Charlie" }, FamilyName = $"Bench{i:D5}", Kind = NameKind.Current }],
    };
}
