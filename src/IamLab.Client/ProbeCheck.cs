namespace IamLab.Client;

/// <summary>One check of an <see cref="EndpointProbe"/>: a request, what AWS answers it, what the endpoint answered.</summary>
/// <param name="Name">What is asked, in the article's words.</param>
/// <param name="Rule">The AWS rule that decides it.</param>
/// <param name="Expected">AWS's answer: <c>allowed</c>, an error code, or a value.</param>
/// <param name="Actual">The endpoint's answer, in the same terms.</param>
public sealed record ProbeCheck(string Name, string Rule, string Expected, string Actual)
{
    /// <summary>True when the endpoint answered as AWS does.</summary>
    public bool AsAws => string.Equals(Expected, Actual, StringComparison.Ordinal);
}
