using IamLab.Endpoint.Protocol;

namespace IamLab.Endpoint.Hosting;

/// <summary>
/// What a Query operation produced: the response document or the error, and whether the world changed (and must
/// be saved before the response is sent).
/// </summary>
public sealed class QueryOutcome
{
    private QueryOutcome(string? document, AwsError? error, bool changed)
    {
        Document = document;
        Error = error;
        Changed = changed;
    }

    /// <summary>The response document, when the operation succeeded.</summary>
    public string? Document { get; }

    /// <summary>The error, when it failed.</summary>
    public AwsError? Error { get; }

    /// <summary>True when the world changed.</summary>
    public bool Changed { get; }

    /// <summary>A success.</summary>
    /// <param name="document">The response document.</param>
    /// <param name="changed">Whether the world changed.</param>
    /// <returns>The outcome.</returns>
    public static QueryOutcome Success(string document, bool changed) => new(document, null, changed);

    /// <summary>A failure (the world is unchanged).</summary>
    /// <param name="error">The error.</param>
    /// <returns>The outcome.</returns>
    public static QueryOutcome Failure(AwsError error) => new(null, error, false);

    /// <summary>Saves the world when it changed, then writes the document or the error.</summary>
    /// <param name="awsCall">The request.</param>
    /// <returns>A task that completes when the response is written.</returns>
    public async Task WriteAsync(AwsCall awsCall)
    {
        ArgumentNullException.ThrowIfNull(awsCall);
        if (Error is not null)
        {
            await awsCall.WriteErrorAsync(Error).ConfigureAwait(false);
            return;
        }

        if (Changed)
        {
            await awsCall.State.CommitAsync().ConfigureAwait(false);
        }

        await awsCall.WriteXmlAsync(Document!).ConfigureAwait(false);
    }

    /// <summary>A failure from an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator QueryOutcome(AwsError error) => Failure(error);

    /// <summary>A failure from an error (named alternative to the implicit conversion).</summary>
    /// <param name="error">The error.</param>
    /// <returns>The outcome.</returns>
    public static QueryOutcome FromAwsError(AwsError error) => Failure(error);
}
