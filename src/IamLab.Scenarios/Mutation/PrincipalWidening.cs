using System.Text.Json.Nodes;
using IamLab.Policy.Model;

namespace IamLab.Scenarios.Mutation;

/// <summary>
/// An Allow's principal widened: a role or user ARN to its account's root (<c>account-root</c>), an AWS principal to
/// <c>"*"</c> (<c>star</c>), and one more service trusted next to the service principal(s) (<c>extra-service</c>).
/// </summary>
internal sealed class PrincipalWidening : IMutationOperator
{
    private static readonly string[] ExtraServices = ["ec2.amazonaws.com", "lambda.amazonaws.com"];

    public IEnumerable<PolicyMutation> Mutate(PolicyDocument document)
    {
        foreach (var (statement, index, path) in document.Statements().Where(s => PolicyDocument.IsAllow(s.Statement)))
        {
            if (statement["Principal"] is not JsonObject principal)
            {
                continue;
            }

            foreach (var (item, value) in PolicyDocument.Values(principal["AWS"]))
            {
                var site = PolicyDocument.ItemPath($"{path}.Principal.AWS", item);
                if (AccountRoot(value) is { } root)
                {
                    yield return new PolicyMutation(site, MutationOperators.AccountRoot, $"Principal \"{value}\" → \"{root}\"",
                        document.With(index, s => PolicyDocument.SetValue((JsonObject)s["Principal"]!, "AWS", item, root)));
                }

                if (value != "*")
                {
                    yield return new PolicyMutation(site, MutationOperators.Star, $"Principal \"{value}\" → \"*\"",
                        document.With(index, s => PolicyDocument.SetValue((JsonObject)s["Principal"]!, "AWS", item, "*")));
                }
            }

            var services = PolicyDocument.Values(principal["Service"]).Select(v => v.Value).ToList();
            if (services.Count > 0 && ExtraServices.FirstOrDefault(e => !services.Contains(e, StringComparer.OrdinalIgnoreCase)) is { } extra)
            {
                yield return new PolicyMutation($"{path}.Principal.Service", MutationOperators.ExtraService, $"{extra} trusted too",
                    document.With(index, s => ((JsonObject)s["Principal"]!)["Service"] = new JsonArray([.. services.Append(extra).Select(v => (JsonNode?)JsonValue.Create(v))])));
            }
        }
    }

    // arn:aws:iam::111111111111:role/R (or user/, or an STS assumed-role) → arn:aws:iam::111111111111:root.
    internal static string? AccountRoot(string principal)
    {
        return Arn.TryParse(principal) is { Service: "iam" or "sts", HasAccountId: true, Resource: not "root" } arn
            ? $"arn:{arn.Partition}:iam::{arn.Account}:root"
            : null;
    }
}
