namespace Safeguard.Web.Infrastructure;

/// <summary>A GOV.UK text input or textarea (see _TextField): the field, its label, an optional hint and its value.</summary>
public sealed record TextField(string Name, string Label, string? Value, string? Hint = null, int Rows = 0, string Width = "")
{
    public bool IsTextarea => Rows > 0;
}
