namespace Safeguard.Web.Infrastructure;

/// <summary>A set of radios (see _Radios): the field, its legend, the options and which is chosen.</summary>
public sealed record Choice(string Name, string Legend, IReadOnlyList<(string Value, string Text)> Options, string? Selected, string? Hint = null, bool Inline = false)
{
    public static IReadOnlyList<(string Value, string Text)> Of<T>(Func<T, string> text, Func<T, bool>? include = null) where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => include?.Invoke(v) ?? true).Select(v => (v.ToString(), text(v))).ToList();
}
