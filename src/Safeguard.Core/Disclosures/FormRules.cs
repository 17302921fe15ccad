using Safeguard.Core.Common;

namespace Safeguard.Core.Disclosures;

/// <summary>Collects field errors for one form, in the order of the page, so the error summary reads top to bottom.</summary>
internal sealed class FormRules(DateOnly today, DateOnly receivedOn)
{
    public List<FieldError> Errors { get; } = [];

    public bool Ok => Errors.Count == 0;

    public string? Text(string field, string? value, string label, bool required = true, int max = 4000)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null && required)
        {
            Errors.Add(new(field, $"Enter {label}"));
        }
        else if (text is not null && text.Length > max)
        {
            Errors.Add(new(field, $"{Capitalise(label)} must be {max} characters or fewer"));
        }

        return text;
    }

    /// <summary>A date on the record: not in the future, and not before the application arrived.</summary>
    public DateOnly? Date(string field, DateOnly? value, string label, DateOnly? notBefore = null, string? notBeforeWhat = null)
    {
        if (value is not DateOnly date)
        {
            Errors.Add(new(field, $"Enter {label}"));
            return null;
        }

        if (date > today)
        {
            Errors.Add(new(field, $"{Capitalise(label)} must be today or in the past"));
        }
        else if (date < receivedOn)
        {
            Errors.Add(new(field, $"{Capitalise(label)} must be on or after the date the application was received ({London.Format(receivedOn)})"));
        }
        else if (notBefore is DateOnly earliest && date < earliest)
        {
            Errors.Add(new(field, $"{Capitalise(label)} must be on or after {notBeforeWhat} ({London.Format(earliest)})"));
        }

        return date;
    }

    public T? Choice<T>(string field, T? value, string message)
        where T : struct
    {
        if (value is null)
        {
            Errors.Add(new(field, message));
        }

        return value;
    }

    public void Fail(string field, string message) => Errors.Add(new(field, message));

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
