using System.Globalization;
using Safeguard.Core.Common;
using Safeguard.Core.People;

namespace Safeguard.Core.Incidents;

/// <summary>
/// The rules an incident must pass, wherever it comes from. Errors are named by the CSV column (the API maps them
/// to its JSON paths) and say what is wrong in words a police data officer can act on.
/// </summary>
public sealed class IncidentRules(IReadOnlyDictionary<string, int> areasByName, IReadOnlySet<int> allowedAreaIds, DateTime nowUtc)
{
    public const int MaxReference = 50;
    public const int MaxSummary = 1000;
    public const int MaxCollar = 20;
    public const int DashQuestions = 27;
    public const int MaxChildren = 20;

    private static readonly string[] LocalFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy"];

    public ValidIncident? Check(IncidentInput input, List<FieldError> errors)
    {
        // In capitals, so "wy-1" and "WY-1" are one reference wherever references are compared (the file, the index).
        var reference = Text(input.IncidentReference, IncidentCsv.IncidentReference, "the incident reference", MaxReference, errors)?.ToUpperInvariant();
        if (reference is not null && reference.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '/' or '_' or '.')))
        {
            errors.Add(new(IncidentCsv.IncidentReference, "The incident reference must contain only letters, digits, hyphens, slashes, underscores and full stops"));
        }

        var occurred = Instant(input.OccurredAt, IncidentCsv.OccurredAt, "when the incident happened", errors);
        var reported = Instant(input.ReportedAt, IncidentCsv.ReportedAt, "when the incident was reported", errors);
        if (occurred is DateTime o && reported is DateTime r && r < o)
        {
            errors.Add(new(IncidentCsv.ReportedAt, "The incident cannot have been reported before it happened"));
        }

        var area = AreaOf(input, errors);
        var risk = Risk(input.RiskLevel, errors);
        var dash = Count(input.DashYesCount, IncidentCsv.DashYesCount, "The DASH yes count", DashQuestions, errors);
        var victim = Person(input.VictimGivenName, input.VictimFamilyName, input.VictimDateOfBirth, "victim", required: true, errors);
        var perpetrator = Person(input.PerpetratorGivenName, input.PerpetratorFamilyName, input.PerpetratorDateOfBirth, "perpetrator", required: false, errors);
        var children = YesNo(input.ChildrenLinked, IncidentCsv.ChildrenLinked, "whether children are linked", errors);
        var childCount = Count(input.ChildrenCount, IncidentCsv.ChildrenCount, "The number of children", MaxChildren, errors);
        if (children == false && childCount is > 0)
        {
            errors.Add(new(IncidentCsv.ChildrenCount, "The number of children must be blank or 0 when no children are linked"));
        }
        else if (children == true && childCount == 0)
        {
            errors.Add(new(IncidentCsv.ChildrenCount, "The number of children must be 1 or more, or blank, when children are linked"));
        }

        var consented = YesNo(input.VictimConsented, IncidentCsv.VictimConsented, "whether the victim consented to sharing", errors);
        var summary = Text(input.Summary, IncidentCsv.Summary, "a short summary of the incident", MaxSummary, errors);
        var collar = Text(input.OfficerCollarNumber, IncidentCsv.OfficerCollarNumber, "the officer's collar number", MaxCollar, errors);
        if (collar is not null && collar.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is ' ' or '-')))
        {
            errors.Add(new(IncidentCsv.OfficerCollarNumber, "The collar number must contain only letters, digits, spaces and hyphens"));
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new ValidIncident(reference!, occurred!.Value, reported!.Value, area!.Value, risk!.Value, dash, victim!, perpetrator,
            children!.Value, children == true ? childCount : null, consented!.Value, summary!, collar!);
    }

    private static string? Text(string? value, string field, string label, int max, List<FieldError> errors)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null)
        {
            errors.Add(new(field, $"Enter {label}"));
        }
        else if (text.Length > max)
        {
            errors.Add(new(field, string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(label[0])}{label[1..]} must be {max} characters or fewer")));
            return null;
        }

        return text;
    }

    /// <summary>UK local time as police systems export it, or an ISO 8601 instant with Z or an offset.</summary>
    private DateTime? Instant(string? value, string field, string label, List<FieldError> errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(new(field, $"Enter {label}"));
            return null;
        }

        DateTime utc;
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            if (London.Zone.IsInvalidTime(local))
            {
                errors.Add(new(field, $"{Cap(label)} is a time that did not happen in the UK (the clocks went forward): {text}"));
                return null;
            }

            utc = TimeZoneInfo.ConvertTimeToUtc(local, London.Zone);
        }
        else if (text.Length > 16 && (text.EndsWith('Z') || text[^6] is '+' or '-')
                 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            utc = instant.UtcDateTime;
        }
        else
        {
            errors.Add(new(field, $"{Cap(label)} must be a date and time like 2026-11-27 22:15 (UK time): \"{Clip(text)}\" is not"));
            return null;
        }

        if (utc > nowUtc)
        {
            errors.Add(new(field, $"{Cap(label)} must not be in the future"));
            return null;
        }

        if (utc.Year < 2000)
        {
            errors.Add(new(field, $"{Cap(label)} must be in 2000 or later"));
            return null;
        }

        return DateTime.SpecifyKind(utc, DateTimeKind.Utc);
    }

    private int? AreaOf(IncidentInput input, List<FieldError> errors)
    {
        int? id = input.AreaId;
        if (id is null)
        {
            var name = input.AreaName?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                errors.Add(new(IncidentCsv.Area, "Enter the area"));
                return null;
            }

            if (!areasByName.TryGetValue(name, out var found))
            {
                errors.Add(new(IncidentCsv.Area, $"\"{Clip(name)}\" is not an area in Safeguard"));
                return null;
            }

            id = found;
        }

        if (!allowedAreaIds.Contains(id.Value))
        {
            errors.Add(new(IncidentCsv.Area, "The area must be one of your areas"));
            return null;
        }

        return id;
    }

    private static RiskLevel? Risk(string? value, List<FieldError> errors)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "standard": return RiskLevel.Standard;
            case "medium": return RiskLevel.Medium;
            case "high": return RiskLevel.High;
            case null or "":
                errors.Add(new(IncidentCsv.RiskLevel, "Enter the risk level: standard, medium or high"));
                return null;
            default:
                errors.Add(new(IncidentCsv.RiskLevel, $"The risk level must be standard, medium or high: \"{Clip(value!.Trim())}\" is not"));
                return null;
        }
    }

    private static int? Count(string? value, string field, string label, int max, List<FieldError> errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= max)
        {
            return n;
        }

        errors.Add(new(field, string.Create(CultureInfo.InvariantCulture, $"{label} must be a whole number from 0 to {max}, or blank")));
        return null;
    }

    private static bool? YesNo(string? value, string field, string label, List<FieldError> errors)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "yes" or "y" or "true": return true;
            case "no" or "n" or "false": return false;
            default:
                errors.Add(new(field, $"Say {label}: yes or no"));
                return null;
        }
    }

    private IncidentPerson? Person(string? given, string? family, string? dateOfBirth, string who, bool required, List<FieldError> errors)
    {
        var prefix = who + "_";
        var any = !string.IsNullOrWhiteSpace(given) || !string.IsNullOrWhiteSpace(family) || !string.IsNullOrWhiteSpace(dateOfBirth);
        if (!required && !any)
        {
            return null;
        }

        var nameErrors = new List<FieldError>();
        PersonRules.CheckName(given, family, nameErrors);
        foreach (var e in nameErrors)
        {
            var field = prefix + (e.Field == "GivenName" ? "given_name" : "family_name");
            errors.Add(new(field, e.Message.Replace("the person's", $"the {who}'s", StringComparison.Ordinal).Replace("The ", $"The {who}'s ", StringComparison.Ordinal)));
        }

        DateOnly? born = null;
        var dob = dateOfBirth?.Trim();
        if (!string.IsNullOrEmpty(dob))
        {
            if (DateOnly.TryParseExact(dob, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                var birthErrors = new List<FieldError>();
                PersonRules.CheckBirth(d, null, DateOnly.FromDateTime(nowUtc), birthErrors);
                foreach (var e in birthErrors)
                {
                    errors.Add(new(prefix + "date_of_birth", $"The {who}'s d" + e.Message[1..]));
                }

                born = d;
            }
            else
            {
                errors.Add(new(prefix + "date_of_birth", $"The {who}'s date of birth must be a date like 1990-03-27: \"{Clip(dob)}\" is not"));
            }
        }

        return nameErrors.Count == 0 ? new IncidentPerson(given!.Trim(), family!.Trim(), born) : null;
    }

    private static string Cap(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
