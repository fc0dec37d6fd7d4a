namespace IamLab.World.Errors;

/// <summary>
/// The outcome of a lab operation: a value, or the <see cref="IamError"/> AWS would return. Expected
/// failures are values, never exceptions.
/// </summary>
public sealed class IamResult<T>
{
    private readonly T? value;

    private IamResult(T? value, IamError? error)
    {
        this.value = value;
        Error = error;
    }

    /// <summary>The error, or null on success.</summary>
    public IamError? Error { get; }

    /// <summary>True when the operation succeeded.</summary>
    public bool IsSuccess => Error is null;

    /// <summary>The value; throws when the operation failed (reading it then is a bug in the caller).</summary>
    public T Value => Error is null ? value! : throw new InvalidOperationException($"The operation failed: {Error}");

    /// <summary>A success.</summary>
    internal static IamResult<T> Ok(T value) => new(value, null);

    /// <summary>A failure.</summary>
    internal static IamResult<T> Fail(IamError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new IamResult<T>(default, error);
    }

    /// <summary>Wraps a value.</summary>
    public static implicit operator IamResult<T>(T value) => Ok(value);

    /// <summary>Wraps an error.</summary>
    public static implicit operator IamResult<T>(IamError error) => Fail(error);

    /// <summary>The same error as a result of another type (only valid on a failure).</summary>
    public IamResult<TOther> Forward<TOther>() => IamResult<TOther>.Fail(Error ?? throw new InvalidOperationException("The operation succeeded."));

    /// <inheritdoc />
    public override string ToString() => Error is null ? $"Ok({value})" : Error.ToString();
}
