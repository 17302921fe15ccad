namespace Safeguard.Core.Common;

/// <summary>A problem with one field of the user's input, named as the page names it.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>What a service returns: a value, or the field errors that stopped it (nothing saved then).</summary>
public sealed record Result<T>(T? Value, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static Result<T> Ok(T value) => new(value, []);

    public static Result<T> Fail(params FieldError[] errors) => new(default, errors);

    public static Result<T> Fail(IReadOnlyList<FieldError> errors) => new(default, errors);
}
