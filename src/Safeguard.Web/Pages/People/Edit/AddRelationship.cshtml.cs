using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Audit;
using Safeguard.Core.Common;
using Safeguard.Core.People;
using Safeguard.Core.People.Matching;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.People.Edit;

/// <summary>
/// Link the person to another. The other person is found by searching first (so a second record is not made
/// for someone already known), or comes back from the add journey as ?personId=N. Searches post, never get:
/// names must not sit in URLs.
/// </summary>
public sealed class AddRelationshipModel(RecordScope scope, PersonService people, PersonSearch search, AuditTrail audit) : PersonEditPage(scope)
{
    /// <summary>The kinds as the user reads them. "ChildOf" is stored as ParentOrCarerOf the other way round.</summary>
    public static readonly IReadOnlyList<(string Value, string Text)> Kinds =
    [
        (nameof(RelationshipKind.Partner), "Partner"),
        (nameof(RelationshipKind.ExPartner), "Ex-partner"),
        (nameof(RelationshipKind.FamilyMember), "Family member"),
        (nameof(RelationshipKind.ParentOrCarerOf), "Parent or carer of (a child)"),
        ("ChildOf", "Child of"),
        (nameof(RelationshipKind.SameHousehold), "Lives in the same household"),
        (nameof(RelationshipKind.Other), "Other"),
    ];

    [BindProperty(SupportsGet = true, Name = "personId")] public int? PreselectId { get; set; }
    [BindProperty] public string? GivenName { get; set; }
    [BindProperty] public string? FamilyName { get; set; }
    [BindProperty] public string? DateOfBirthDay { get; set; }
    [BindProperty] public string? DateOfBirthMonth { get; set; }
    [BindProperty] public string? DateOfBirthYear { get; set; }
    [BindProperty] public int? RelatedPersonId { get; set; }
    [BindProperty] public string? Kind { get; set; }

    public bool Searched { get; private set; }
    public IReadOnlyList<PersonCandidate> Candidates { get; private set; } = [];

    /// <summary>A person chosen without a search here: one just added through the add journey.</summary>
    public Person? Preselected { get; private set; }

    public DateInput DateOfBirth => new("DateOfBirth", "Their date of birth (optional)", "For example, 27 3 1990", DateOfBirthDay, DateOfBirthMonth, DateOfBirthYear);
    public Choice KindChoice => new(nameof(Kind), $"How is {CurrentName} related to them?", Kinds, Kind);
    public CandidateList CandidateChoice => new(nameof(RelatedPersonId),
        Candidates.Count == 1 ? "1 possible match" : $"{Candidates.Count} possible matches", Candidates, RelatedPersonId);
    public string AddPersonUrl => $"/people/add?returnUrl={Uri.EscapeDataString($"/people/{Person.Id}/relationships/add")}";

    public async Task<IActionResult> OnGetAsync()
    {
        var shown = await ShowAsync();
        if (shown is Microsoft.AspNetCore.Mvc.RazorPages.PageResult && PreselectId is int other)
        {
            Preselected = await Scope.PersonAsync(other, RecordOperation.View, HttpContext.RequestAborted);
            if (Preselected is null)
            {
                return NotFound();
            }

            RelatedPersonId = Preselected.Id;
        }

        return shown;
    }

    public async Task<IActionResult> OnPostSearchAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        ModelState.Clear();
        await SearchAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(RecordOperation.Change))
        {
            return NotFound();
        }

        var other = RelatedPersonId is int id ? await Scope.PersonAsync(id, RecordOperation.View, HttpContext.RequestAborted) : null;
        if (other is null)
        {
            ModelState.AddModelError(nameof(RelatedPersonId), "Select the other person");
        }

        var kind = Kinds.Any(k => k.Value == Kind) ? Kind : null;
        if (kind is null)
        {
            ModelState.AddModelError(nameof(Kind), "Select how they are related");
        }

        if (Person.Version != Version)
        {
            ModelState.AddModelError(nameof(Kind), "Someone else changed this person while you were editing. Reload the page to see their changes");
        }

        if (ModelState.IsValid)
        {
            var result = kind == "ChildOf"
                ? await people.AddRelationshipAsync(other!.Id, Person.Id, RelationshipKind.ParentOrCarerOf, User.UserId()!, HttpContext.RequestAborted)
                : await people.AddRelationshipAsync(Person.Id, other!.Id, Enum.Parse<RelationshipKind>(kind!), User.UserId()!, HttpContext.RequestAborted);
            if (result.Succeeded)
            {
                return Done("The relationship was added");
            }

            ModelState.AddErrors(result.Errors);
        }

        // Show the same choices again: the search that found them, or the person chosen before.
        if (!string.IsNullOrWhiteSpace(GivenName) || !string.IsNullOrWhiteSpace(FamilyName))
        {
            var errors = ModelState.ToDictionary(e => e.Key, e => e.Value!.Errors.Select(x => x.ErrorMessage).ToList());
            await SearchAsync();
            ModelState.Clear();
            foreach (var (key, messages) in errors)
            {
                messages.ForEach(m => ModelState.AddModelError(key, m));
            }
        }
        else if (other is not null)
        {
            Preselected = other;
        }

        return Page();
    }

    private async Task SearchAsync()
    {
        var errors = new List<FieldError>();
        PersonRules.CheckName(GivenName, FamilyName, errors);
        if (!DateOfBirth.TryRead(out var dob))
        {
            errors.Add(new("DateOfBirth", "Date of birth must be a real date, like 27 3 1990"));
        }

        if (errors.Count > 0)
        {
            ModelState.AddErrors(errors);
            return;
        }

        var query = new MatchQuery(GivenName!, FamilyName!, dob);
        var outcome = await search.SearchAsync(query, PersonRecordScope.Areas(User), excludePersonId: Person.Id, ct: HttpContext.RequestAborted);
        Candidates = outcome.Candidates;
        Searched = true;

        // Search results show people: the search is audited like any other, with its criteria and who came back.
        await PeopleAudit.SearchedAsync(audit, $"relationship for {Person.Reference}", query, Candidates, HttpContext.RequestAborted);
    }
}
