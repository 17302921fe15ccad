using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Referrals;
using Safeguard.Core.Referrals.Dash;
using Safeguard.Web.Scopes;

namespace Safeguard.Web.Pages.Referrals.Assessments;

/// <summary>One assessment: the result and the four criteria with evidence, then the answers read against the
/// questionnaire version they were given to.</summary>
public sealed class ViewModel(RecordScope scope, SafeguardDbContext db, DashDefinitions definitions, AuditTrail audit) : ReferralPage(scope)
{
    [BindProperty(SupportsGet = true)] public int AssessmentId { get; set; }

    public RiskAssessment Assessment { get; private set; } = null!;
    public DashDefinition Definition { get; private set; } = null!;
    public IReadOnlyList<CriterionFinding> Findings { get; private set; } = [];
    public IReadOnlyDictionary<string, DashAnswer> Answers { get; private set; } = new Dictionary<string, DashAnswer>();
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(RecordOperation.View))
        {
            return NotFound();
        }

        var ct = HttpContext.RequestAborted;
        var assessment = await db.RiskAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == AssessmentId && a.ReferralId == Referral.Id, ct);
        if (assessment is null)
        {
            return NotFound();
        }

        Assessment = assessment;
        Definition = (await definitions.FindAsync(assessment.DefinitionKey, assessment.DefinitionVersion, ct))!;
        Findings = assessment.ReadFindings();
        Answers = assessment.ReadAnswers();
        Notice = TempData[SuccessKey] as string;
        await audit.RecordAsync("referral.assessment-viewed", "Referral", Referral.Id.ToString(CultureInfo.InvariantCulture),
            summary: "assessment " + assessment.Id.ToString(CultureInfo.InvariantCulture), ct: ct);
        return Page();
    }
}
