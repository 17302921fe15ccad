using Safeguard.Core.People;

namespace Safeguard.Core.Disclosures;

/// <summary>First contact, as the control room or CRU takes it. People are added afterwards from the person index.</summary>
public sealed record FirstContact(
    Scheme Scheme, Route Route, int AreaId, DateTime ReceivedAt, ReceivedVia ReceivedVia, string? WhatPrompted,
    string? SafeContactWay, string? SafeContactTimes, bool ImmediateRisk, string? RiskDescription, string? SafeguardingAction,
    string? ClientReference = null, string? SubmittedDetails = null);

public sealed record CriteriaReviewInput(bool? WithinScheme, string? Reasons, DateOnly? ApplicantToldOn);

public sealed record MeetingInput(DateOnly? MetOn, string? Place, string? PhotoIdentity, string? SecondIdentity, string? Notes);

public sealed record CheckInput(int SourceId, DateOnly? CheckedOn, CheckResult? Result, string? Summary);

public sealed record ResearchInput(RiskLevel? RiskLevel, string? RiskAssessment, bool? SubjectIsRegisteredSexOffender);

public sealed record DecisionInput(
    bool? Disclose, DateOnly? DecidedOn, string? Wording, int? RecipientPersonId, string? DisclosureOfficerUserId, bool? SubjectToBeTold,
    string? Lawful, string? Necessary, string? Proportionate, string? PressingNeed, string? OtherSafeguarding, string? NoDisclosureReason);

public sealed record DeliveryInput(
    DateOnly? DeliveredOn, string? Place, string? Present, bool? ConfidentialityExplained, string? RecipientResponse,
    string? SafetyPlan, string? Referrals);

public sealed record ApplicantInformedInput(DateOnly? InformedOn, string? How);

public sealed record ClosureInput(DisclosureOutcome? Outcome, string? Notes);

public sealed record DelayInput(string? Reason, string? SafeguardingPlan);

public sealed record UrgentInput(string? RiskDescription, string? SafeguardingAction);
