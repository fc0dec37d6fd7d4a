using IamLab.Policy.Model;

namespace IamLab.Scenarios.Grading;

/// <summary>
/// Where each policy document of a built world came from: a learner's file (so explanations and annotations can
/// name it and its lines) or the scenario (named in words). Keyed by the document instance the engine sees.
/// </summary>
internal sealed class PolicyOrigins
{
    private readonly Dictionary<PolicyDocument, (string Label, string? File)> origins = new(ReferenceEqualityComparer.Instance);

    public void Add(PolicyDocument? document, string label, string? file)
    {
        if (document is not null)
        {
            origins[document] = (label, file);
        }
    }

    public (string Label, string? File)? Find(PolicyDocument document) => origins.TryGetValue(document, out var found) ? found : null;
}
