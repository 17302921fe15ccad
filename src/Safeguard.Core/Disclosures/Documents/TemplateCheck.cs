namespace Safeguard.Core.Disclosures.Documents;

/// <summary>What an administrator needs to know about an uploaded template before it can be used.</summary>
public sealed record TemplateCheck(IReadOnlyList<string> Placeholders, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
