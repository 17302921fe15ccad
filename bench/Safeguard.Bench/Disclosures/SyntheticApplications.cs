using Safeguard.Core.Common;
using Safeguard.Core.Disclosures;
using Safeguard.Core.Disclosures.Clocks;
using Safeguard.Core.People;
using Route = Safeguard.Core.Disclosures.Route;

namespace Safeguard.Bench.Disclosures;

/// <summary>Applications with their stage history and timeline, as the bench writes them.</summary>
internal sealed class SyntheticSet
{
    public List<DisclosureApplication> Applications { get; } = [];
    public List<StagePeriod> Periods { get; } = [];
    public List<ApplicationEvent> Events { get; } = [];

    /// <summary>Open applications added on top of the N so the stage-change scenario has enough at each stage.</summary>
    public int Extras { get; set; }
}

/// <summary>
/// Invents five years of a large force's Clare's Law and Sarah's Law applications, deterministic for a seed.
/// Obviously fictional: no people are attached, the areas are "Bench area N" and the staff "Bench CRU officer NN".
/// Every application walks the real stage order of its scheme (<see cref="StageNames.For"/>) with a sampled
/// time in each stage; the clocks are put on it by the Core's own <see cref="ApplicationClock.Apply"/>.
/// </summary>
internal sealed class SyntheticApplications(
    int seed, DateTime now, IReadOnlyList<int> areaIds, IReadOnlyDictionary<int, string[]> usersByArea,
    IReadOnlyList<DisclosureScheme> schemes, WorkingCalendar calendar)
{
    public const double Years = 5;
    public const int OpenWindowDays = 45;

    private static readonly string[] Prompted =
    [
        "Applicant's new partner has been controlling about money and phone use and the applicant has heard he was violent to a previous partner",
        "Friend of the person at risk worried after seeing bruising and hearing threats during a video call",
        "Person at risk's mother concerned about the new partner's temper and jealousy since they moved in together",
        "Partner agency referral: the person at risk disclosed coercive behaviour to a health visitor",
        "Police information: the subject has a history of domestic abuse towards two previous partners",
        "Parent concerned about a new partner who has unsupervised contact with their children",
        "Grandparent worried about a neighbour who offers to babysit and gives the children gifts",
        "MARAC action: the subject's new relationship was raised by the IDVA service",
    ];

    private static readonly string[] Assessments =
    [
        "Previous domestic abuse incidents recorded against two former partners; pattern of controlling behaviour; no recent convictions.",
        "Single historic incident, no further intelligence; partner agencies hold nothing of concern.",
        "Recent call-outs to the subject's address and an expired non-molestation order; risk judged to be rising.",
        "Subject is a registered sex offender with an active management plan; offender manager consulted.",
    ];

    private static readonly string[] Places = ["Bench area police station", "Applicant's workplace (private room)", "Family centre", "Video call"];

    private readonly Random random = new(seed);
    private readonly DisclosureScheme[] byKind = [
        schemes.Single(s => s.Scheme == Scheme.Dvds && s.Route == Route.RightToAsk),
        schemes.Single(s => s.Scheme == Scheme.Dvds && s.Route == Route.RightToKnow),
        schemes.Single(s => s.Scheme == Scheme.Csods && s.Route == Route.RightToAsk),
        schemes.Single(s => s.Scheme == Scheme.Csods && s.Route == Route.RightToKnow),
    ];

    private long periodId;
    private long eventId;

    public SyntheticSet Generate(int count, int atEachStageAtLeast)
    {
        var set = new SyntheticSet();
        var span = TimeSpan.FromDays(Years * 365.25);
        var received = new DateTime[count];
        for (var i = 0; i < count; i++)
        {
            received[i] = Second(now - span * random.NextDouble());
        }

        // References are given in the order applications arrive.
        Array.Sort(received);
        for (var i = 0; i < count; i++)
        {
            var age = (now - received[i]).TotalDays;
            var open = age < OpenWindowDays && random.NextDouble() < 1 - 0.8 * age / OpenWindowDays;
            Add(set, i + 1, received[i], open, forced: null);
        }

        // The stage-change scenario moves applications at research and at criteria review; top them up if the
        // natural share at those stages is too small, received in the last three days.
        var id = count;
        foreach (var stage in new[] { DisclosureStage.CriteriaReview, DisclosureStage.Research })
        {
            var have = set.Applications.Count(a => a.Stage == stage);
            for (var k = have; k < atEachStageAtLeast; k++)
            {
                Add(set, ++id, Second(now - TimeSpan.FromDays(0.5 + 2.5 * random.NextDouble())), open: true, forced: stage);
                set.Extras++;
            }
        }

        return set;
    }

    private void Add(SyntheticSet set, int id, DateTime receivedAt, bool open, DisclosureStage? forced)
    {
        var roll = random.NextDouble();
        var scheme = byKind[roll < 0.60 ? 0 : roll < 0.85 ? 1 : roll < 0.97 ? 2 : 3];
        var area = areaIds[random.Next(areaIds.Count)];
        var staff = usersByArea[area];
        var path = StageNames.For(scheme.MeetsApplicant).Where(s => s != DisclosureStage.Closed).ToList();
        var urgent = random.NextDouble() < 0.02;
        var app = new DisclosureApplication
        {
            Id = id, SchemeId = scheme.Id, Scheme = scheme.Scheme, Route = scheme.Route, AreaId = area,
            ReceivedAt = receivedAt, ReceivedVia = Via(scheme.Route), WhatPrompted = Prompted[random.Next(Prompted.Length)],
            SafeContactWay = scheme.Route == Route.RightToAsk ? "Mobile 07700 900" + random.Next(100, 1000) + ", text first" : null,
            SafeContactTimes = scheme.Route == Route.RightToAsk ? "Weekday mornings" : null,
            Urgent = urgent,
            ImmediateRisk = urgent ? "The subject has threatened the person at risk this week" : null,
            SafeguardingAction = urgent ? "Response officers attended; safety plan agreed with the IDVA" : null,
            CreatedAt = Second(receivedAt.AddMinutes(5 + random.Next(120))),
            CreatedByUserId = staff[random.Next(staff.Length)],
            Version = 1,
        };
        if (app.CreatedAt > now)
        {
            app.CreatedAt = receivedAt;
        }

        // Stages passed, each with the instant it began; the last is the current stage (or Closed).
        var outcome = open ? (DisclosureOutcome?)null : Outcome();
        List<DisclosureStage> passed;
        if (forced is DisclosureStage target)
        {
            passed = path.TakeWhile(s => s != target).Append(target).ToList();
        }
        else if (outcome is DisclosureOutcome o)
        {
            var last = o switch
            {
                DisclosureOutcome.DisclosureMade or DisclosureOutcome.NoDisclosure => DisclosureStage.Disclosure,
                DisclosureOutcome.NotWithinScheme => DisclosureStage.CriteriaReview,
                _ => path[random.Next(path.IndexOf(DisclosureStage.Decision) + 1)],
            };
            passed = path.TakeWhile(s => s != last).Append(last).Append(DisclosureStage.Closed).ToList();
        }
        else
        {
            passed = path;
        }

        var entered = new List<DateTime> { receivedAt };
        foreach (var stage in passed.Take(passed.Count - 1))
        {
            entered.Add(entered[^1] + Duration(stage));
        }

        var age = now - receivedAt;
        if (forced is not null)
        {
            // Evenly over the time since receipt, the current stage begun a little before now.
            for (var k = 1; k < entered.Count; k++)
            {
                entered[k] = receivedAt + age * (0.8 * k / (entered.Count - 1));
            }
        }
        else if (open)
        {
            // The current stage is the one the application is in now. Open work whose stages would all be done by
            // now is running late: stretch its stages (all of them, so the lateness falls anywhere) past now.
            var end = entered[^1] + Duration(passed[^1]);
            if (end <= now)
            {
                var stretch = age / (end - receivedAt) * (1.05 + 0.6 * random.NextDouble());
                for (var k = 1; k < entered.Count; k++)
                {
                    entered[k] = receivedAt + (entered[k] - receivedAt) * stretch;
                }
            }

            var current = entered.FindLastIndex(t => t <= now);
            passed = passed.Take(current + 1).ToList();
            entered = entered.Take(current + 1).ToList();
        }
        else if (entered[^1] > now - TimeSpan.FromHours(1))
        {
            // Recent closed work: squeeze its stages into the time it has had.
            var total = entered[^1] - receivedAt;
            var fit = age * (0.5 + 0.45 * random.NextDouble()) / total;
            for (var k = 1; k < entered.Count; k++)
            {
                entered[k] = receivedAt + (entered[k] - receivedAt) * fit;
            }
        }

        for (var k = 0; k < entered.Count; k++)
        {
            entered[k] = Second(entered[k]);
        }

        app.Stage = passed[^1];
        app.StageEnteredAt = entered[^1];
        bool Had(DisclosureStage s) => passed.IndexOf(s) >= 0 && passed.IndexOf(s) < passed.Count - 1;
        DateTime Left(DisclosureStage s) => entered[passed.IndexOf(s) + 1];
        var events = new List<ApplicationEvent>();
        var by = app.CreatedByUserId;
        void Event(DateTime at, string title, string? detail = null) =>
            events.Add(new ApplicationEvent { ApplicationId = id, At = at, ByUserId = by, Title = title, Detail = detail });

        Event(receivedAt, "Application received", $"{scheme.Name}, {ReceivedViaNames.Of(app.ReceivedVia)}");
        if (urgent)
        {
            Event(receivedAt, "Marked urgent: immediate risk", "Supervisors alerted on the board. Safeguarding action: " + app.SafeguardingAction);
        }

        var triageEnd = passed.Count > 1 ? entered[1] : now;
        var roles = new List<ApplicationRole>();
        if (scheme.Route == Route.RightToAsk)
        {
            roles.Add(ApplicationRole.Applicant);
        }

        roles.Add(scheme.Scheme == Scheme.Dvds ? ApplicationRole.PersonAtRisk : ApplicationRole.Child);
        roles.Add(ApplicationRole.Subject);
        var added = receivedAt;
        foreach (var role in passed.Count > 1 ? roles : roles.Take(1 + random.Next(roles.Count)))
        {
            added = Second(added + (triageEnd - added) * 0.3);
            Event(added, $"{ApplicationRoleNames.Of(role)} added", "P" + random.Next(1, 1_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture));
        }

        // Allocation: all closed work had an owner; open work from criteria review on mostly has one.
        if (!open || app.Stage > DisclosureStage.Triage ? random.NextDouble() < 0.97 : random.NextDouble() < 0.3)
        {
            app.OwnerUserId = staff[random.Next(staff.Length)];
            by = app.OwnerUserId;
            app.Version++;
            Event(Second(receivedAt + (triageEnd - receivedAt) * 0.5), "Allocated", "To Bench CRU officer");
        }

        if (Had(DisclosureStage.Triage))
        {
            Event(Left(DisclosureStage.Triage), "Triage completed");
        }

        if (Had(DisclosureStage.CriteriaReview))
        {
            var within = outcome != DisclosureOutcome.NotWithinScheme;
            app.WithinScheme = within;
            if (!within)
            {
                app.CriteriaReasons = "The subject and the person at risk are not in an intimate relationship; advice given and signposted to the IDVA service";
                app.ApplicantToldOn = London.DateOf(Left(DisclosureStage.CriteriaReview));
                Event(Left(DisclosureStage.CriteriaReview), "Not within the scheme: applicant told and record closed", app.CriteriaReasons);
            }
            else
            {
                Event(Left(DisclosureStage.CriteriaReview), "Within the scheme");
            }
        }

        if (Had(DisclosureStage.FaceToFace))
        {
            app.MetOn = London.DateOf(Left(DisclosureStage.FaceToFace));
            app.MeetingPlace = Places[random.Next(Places.Length)];
            app.PhotoIdentity = "Driving licence";
            app.SecondIdentity = "Utility bill";
            Event(Left(DisclosureStage.FaceToFace), "Face-to-face meeting held and identity checked", $"{London.Format(app.MetOn.Value)}, {app.MeetingPlace}");
        }

        if (Had(DisclosureStage.Research))
        {
            var r = random.NextDouble();
            app.RiskLevel = r < 0.5 ? RiskLevel.Standard : r < 0.85 ? RiskLevel.Medium : RiskLevel.High;
            app.RiskAssessment = Assessments[random.Next(Assessments.Length)];
            app.SubjectIsRegisteredSexOffender = scheme.Scheme == Scheme.Csods ? random.NextDouble() < 0.3 : null;
            app.ResearcherUserId = app.OwnerUserId;
            Event(Left(DisclosureStage.Research), $"Research completed: {app.RiskLevel.Value.ToString().ToLowerInvariant()} risk",
                app.RiskLevel == RiskLevel.High ? "High risk: refer to MARAC and to an IDVA" : null);
        }

        if (Had(DisclosureStage.Decision))
        {
            var decided = Left(DisclosureStage.Decision);
            var disclose = outcome switch
            {
                DisclosureOutcome.DisclosureMade => true,
                DisclosureOutcome.NoDisclosure => false,
                _ => random.NextDouble() < 0.57,
            };
            app.Disclose = disclose;
            app.DecidedOn = London.DateOf(decided);
            app.DecidedByUserId = Other(staff, app.ResearcherUserId);
            app.Lawful = "Common law police power to disclose to prevent crime; the scheme's guidance followed";
            app.Necessary = "The person at risk cannot protect themselves without knowing the subject's history";
            app.Proportionate = "Disclosure limited to what the person at risk needs to make an informed choice";
            if (disclose)
            {
                app.DisclosureWording = "The subject has a history of domestic abuse towards previous partners that is relevant to your safety";
                app.PressingNeed = "Continuing contact with the subject";
                app.DisclosureOfficerUserId = staff[random.Next(staff.Length)];
                app.SubjectToBeTold = random.NextDouble() < 0.2;
            }
            else
            {
                app.NoDisclosureReason = "Nothing held that would help the person at risk to protect themselves";
            }

            Event(decided, disclose ? "Decision: disclose" : "Decision: no disclosure");
        }

        if (app.Stage == DisclosureStage.Closed)
        {
            var closed = entered[^1];
            app.ClosedAt = closed;
            app.Outcome = outcome;
            switch (outcome)
            {
                case DisclosureOutcome.DisclosureMade:
                    app.DeliveredOn = London.DateOf(closed);
                    app.DeliveryPlace = Places[random.Next(Places.Length)];
                    app.PresentAtDelivery = "The recipient and two disclosure officers";
                    app.ConfidentialityExplained = true;
                    app.RecipientResponse = "Shocked but grateful; wants to think about next steps";
                    app.SafetyPlan = "IDVA referral accepted; safe words agreed; marker on the address";
                    Event(closed, "Disclosure made and record closed", $"{London.Format(app.DeliveredOn.Value)}, {app.DeliveryPlace}");
                    break;
                case DisclosureOutcome.NoDisclosure:
                    app.ApplicantInformedOn = London.DateOf(closed);
                    app.ApplicantInformedHow = "By phone on the safe number";
                    Event(closed, "Applicant informed: no disclosure; record closed", app.ApplicantInformedHow);
                    break;
                case DisclosureOutcome.NotWithinScheme:
                    break;
                default:
                    app.OutcomeNotes = outcome == DisclosureOutcome.Withdrawn ? "Applicant asked for the application to be withdrawn"
                        : outcome == DisclosureOutcome.UnableToContact ? "Three attempts on the safe number and a letter; no reply"
                        : "Handled through a MARAC safety plan instead";
                    Event(closed, $"Closed: {OutcomeNames.Of(outcome!.Value).ToLowerInvariant()}", app.OutcomeNotes);
                    break;
            }
        }

        if (urgent && (!open || random.NextDouble() < 0.5))
        {
            var seen = Second(receivedAt.AddMinutes(10 + random.Next(180)));
            app.UrgentAcknowledgedAt = seen < now ? seen : receivedAt;
            app.UrgentAcknowledgedByUserId = staff[0];
            app.Version++;
            Event(app.UrgentAcknowledgedAt.Value, "Urgent alert acknowledged by a supervisor");
        }

        app.Version += passed.Count - 1;
        ApplicationClock.Apply(app, scheme.Clocks, calendar);

        for (var k = 0; k < passed.Count; k++)
        {
            var closing = passed[k] == DisclosureStage.Closed;
            set.Periods.Add(new StagePeriod
            {
                Id = ++periodId, ApplicationId = id, Stage = passed[k], EnteredAt = entered[k],
                LeftAt = closing ? entered[k] : k + 1 < passed.Count ? entered[k + 1] : null,
                ByUserId = k == 0 ? app.CreatedByUserId : app.OwnerUserId ?? app.CreatedByUserId,
            });
        }

        // A timeline of three to six lines: the first (received) always, then a random choice kept in order.
        events.Sort((a, b) => a.At.CompareTo(b.At));
        var keep = 3 + random.Next(4);
        while (events.Count > keep)
        {
            events.RemoveAt(1 + random.Next(events.Count - 1));
        }

        foreach (var e in events)
        {
            e.Id = ++eventId;
            set.Events.Add(e);
        }

        set.Applications.Add(app);
    }

    private DisclosureOutcome Outcome()
    {
        var r = random.NextDouble();
        return r < 0.40 ? DisclosureOutcome.DisclosureMade
            : r < 0.70 ? DisclosureOutcome.NoDisclosure
            : r < 0.85 ? DisclosureOutcome.NotWithinScheme
            : r < 0.92 ? DisclosureOutcome.Withdrawn
            : r < 0.97 ? DisclosureOutcome.UnableToContact
            : DisclosureOutcome.OtherSafeguardingAction;
    }

    private ReceivedVia Via(Route route)
    {
        var r = random.NextDouble();
        return route == Route.RightToAsk
            ? r < 0.40 ? ReceivedVia.Online : r < 0.70 ? ReceivedVia.Phone : r < 0.85 ? ReceivedVia.PoliceStation : r < 0.95 ? ReceivedVia.OfficerInPerson : ReceivedVia.PartnerAgency
            : r < 0.60 ? ReceivedVia.PoliceInformation : r < 0.85 ? ReceivedVia.Marac : ReceivedVia.PartnerAgency;
    }

    /// <summary>Time spent in a stage: exponential around a typical figure, so most are quick and a few drag on.</summary>
    private TimeSpan Duration(DisclosureStage stage)
    {
        var (floorHours, meanHours) = stage switch
        {
            DisclosureStage.Triage => (0.5, 8.0),
            DisclosureStage.CriteriaReview => (1.0, 20.0),
            DisclosureStage.FaceToFace => (24.0, 5 * 24.0),
            DisclosureStage.Research => (24.0, 8 * 24.0),
            DisclosureStage.Decision => (2.0, 3 * 24.0),
            _ => (4.0, 4 * 24.0),
        };
        return TimeSpan.FromHours(floorHours - meanHours * Math.Log(1 - random.NextDouble()));
    }

    private string Other(string[] staff, string? not)
    {
        for (var i = 0; i < 10; i++)
        {
            var u = staff[random.Next(staff.Length)];
            if (u != not)
            {
                return u;
            }
        }

        return staff[0] != not ? staff[0] : staff[^1];
    }

    private static DateTime Second(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
