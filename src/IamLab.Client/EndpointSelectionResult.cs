using System.Diagnostics.CodeAnalysis;

namespace IamLab.Client;

/// <summary>A bad endpoint setting: a stable code and a message quoting the value and where it came from.</summary>
/// <param name="Code">The code, <c>InvalidEndpoint</c>.</param>
/// <param name="Message">The message.</param>
public sealed record EndpointSelectionError(string Code, string Message);

/// <summary>The outcome of <see cref="EndpointSelection.Resolve"/>: the selection or the error.</summary>
public sealed class EndpointSelectionResult
{
    private EndpointSelectionResult(EndpointSelection? selection, EndpointSelectionError? error)
    {
        Selection = selection;
        Error = error;
    }

    /// <summary>The selection, on success.</summary>
    public EndpointSelection? Selection { get; }

    /// <summary>The error, on failure.</summary>
    public EndpointSelectionError? Error { get; }

    /// <summary>True when <see cref="Selection"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Selection))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Selection is not null;

    internal static EndpointSelectionResult Ok(EndpointSelection selection) => new(selection, null);

    internal static EndpointSelectionResult Fail(EndpointSelectionError error) => new(null, error);
}
