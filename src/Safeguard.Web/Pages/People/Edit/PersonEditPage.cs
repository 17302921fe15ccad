using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.People;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.People.Edit;

/// <summary>
/// The shape every page that changes a person record shares: the record is loaded only through
/// <see cref="RecordScope"/> for a change (null answers 404, so records outside scope do not leak), the form
/// carries the version it was read at, and a good save goes back to the profile with a message.
/// </summary>
public abstract class PersonEditPage(RecordScope scope) : PageModel
{
    public const string SuccessKey = "Success";

    protected RecordScope Scope { get; } = scope;

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    /// <summary>The record's version when the form was shown: a save of an older one is refused.</summary>
    [BindProperty]
    public int Version { get; set; }

    public Person Person { get; private set; } = null!;

    public string ProfileUrl => $"/people/{Person.Id}";

    /// <summary>A page title with the record number, never the name: titles stay in browser history.</summary>
    public string TitleFor(string what) => $"{what} – Person {Person.Reference}";

    /// <summary>The person's current name, for the page body only.</summary>
    public string CurrentName =>
        (Person.Names.FirstOrDefault(n => n.Kind == NameKind.Current) ?? Person.Names.FirstOrDefault())?.FullName ?? "(no name)";

    protected async Task<bool> LoadAsync(RecordOperation operation)
    {
        var person = await Scope.PersonAsync(Id, operation, HttpContext.RequestAborted);
        if (person is null)
        {
            return false;
        }

        Person = person;
        return true;
    }

    /// <summary>Loads the record for a form shown for the first time: the version comes from the record.</summary>
    protected async Task<IActionResult> ShowAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        Version = Person.Version;
        return Page();
    }

    protected IActionResult Done(string message)
    {
        TempData[SuccessKey] = message;
        return Redirect(ProfileUrl);
    }
}
