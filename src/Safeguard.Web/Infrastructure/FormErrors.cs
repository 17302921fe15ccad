using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Core.Common;

namespace Safeguard.Web.Infrastructure;

/// <summary>The small pieces of GOV.UK form markup that depend on a field's errors.</summary>
public static class FormErrors
{
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors)
    {
        foreach (var e in errors)
        {
            modelState.AddModelError(e.Field, e.Message);
        }
    }

    public static string? FirstError(this ModelStateDictionary modelState, string field) =>
        modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public static string GroupClass(this ModelStateDictionary modelState, string field) =>
        modelState.FirstError(field) is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error";

    public static string InputClass(this ModelStateDictionary modelState, string field, string baseClass = "govuk-input") =>
        modelState.FirstError(field) is null ? baseClass : $"{baseClass} {baseClass}--error";

    public static IHtmlContent ErrorMessage(this ModelStateDictionary modelState, string field)
    {
        var message = modelState.FirstError(field);
        if (message is null)
        {
            return HtmlString.Empty;
        }

        var builder = new HtmlContentBuilder();
        builder.AppendHtml($"<p id=\"{field}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> ");
        builder.Append(message);
        builder.AppendHtml("</p>");
        return builder;
    }

    /// <summary>aria-describedby for a field: its hint, and its error when it has one.</summary>
    public static string DescribedBy(this ModelStateDictionary modelState, string field, bool hasHint = false)
    {
        var ids = new List<string>();
        if (hasHint)
        {
            ids.Add(field + "-hint");
        }

        if (modelState.FirstError(field) is not null)
        {
            ids.Add(field + "-error");
        }

        return string.Join(' ', ids);
    }
}
