using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IamLab.World.Iam;

/// <summary>
/// The AWS managed policies the lab ships as data (ManagedPolicies/*.json, embedded), each with its real
/// document, AWS's version id and the date it was copied.
/// </summary>
public static class AwsManagedPolicies
{
    private const string Prefix = "IamLab.World.ManagedPolicies.";
    private static readonly Lazy<IReadOnlyDictionary<string, ManagedPolicy>> All = new(Load);

    /// <summary>The shipped policies by ARN (<c>arn:aws:iam::aws:policy/PATH/NAME</c>).</summary>
    public static IReadOnlyDictionary<string, ManagedPolicy> ByArn => All.Value;

    /// <summary>The ARN of a shipped policy by name, or null.</summary>
    public static string? ArnOf(string name) => ByArn.Values.FirstOrDefault(p => p.Name == name)?.Arn;

    private static Dictionary<string, ManagedPolicy> Load()
    {
        var assembly = typeof(AwsManagedPolicies).Assembly;
        var policies = new Dictionary<string, ManagedPolicy>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var json = JsonDocument.Parse(stream);
            var root = json.RootElement;
            var name = root.GetProperty("PolicyName").GetString()!;
            var path = root.GetProperty("Path").GetString()!;
            var versionId = root.GetProperty("VersionId").GetString()!;
            var created = DateTimeOffset.Parse(root.GetProperty("CreateDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var document = root.GetProperty("Document").GetRawText();
            var policy = new ManagedPolicy
            {
                Name = name,
                Path = path,
                Arn = $"arn:aws:iam::aws:policy{path}{name}",
                PolicyId = StableId(name),
                DefaultVersionId = versionId,
                Versions = [new ManagedPolicyVersion(versionId, new PolicyText(document), created)],
                CopiedOn = root.GetProperty("CopiedOn").GetString(),
            };
            policies[policy.Arn] = policy;
        }

        return policies;
    }

    // AWS's own ids are not published with the documents; a hash keeps the lab's ids stable across runs.
    private static string StableId(string name)
    {
        const string base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        var id = new StringBuilder("ANPA");
        for (var i = 0; i < 17; i++)
        {
            id.Append(base32[hash[i] % 32]);
        }

        return id.ToString();
    }
}
