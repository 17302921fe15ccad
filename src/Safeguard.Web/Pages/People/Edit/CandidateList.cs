using Safeguard.Core.People;

namespace Safeguard.Web.Pages.People.Edit;

/// <summary>Search candidates to choose from (see _CandidateRadios).</summary>
public sealed record CandidateList(string Name, string Legend, IReadOnlyList<PersonCandidate> Candidates, int? Selected);
