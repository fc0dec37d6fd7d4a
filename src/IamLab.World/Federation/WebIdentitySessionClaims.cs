using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace IamLab.World.Federation;

/// <summary>
/// What a web identity token asks of the session in AWS's own claims: session tags and transitive keys in
/// <c>https://aws.amazon.com/tags</c> (<c>principal_tags</c>, <c>transitive_tag_keys</c>; IAM User Guide, "Pass session tags
/// in AWS STS", "Passing session tags using AssumeRoleWithWebIdentity") and the source identity in
/// <c>https://aws.amazon.com/source_identity</c> ("Monitor and control actions taken with assumed roles").
/// </summary>
/// <remarks>
/// AWS documents the claim's shape (an object whose tag values are one-element lists) and that a session tag takes a
/// single value, but not the error for a claim of another shape; the <c>InvalidIdentityToken</c> messages here are the lab's.
/// </remarks>
internal sealed record WebIdentitySessionClaims(IReadOnlyDictionary<string, string> Tags, IReadOnlyList<string> TransitiveTagKeys, string? SourceIdentity)
{
    /// <summary>Reads the AWS claims of a token's payload (base64url JSON), or the error that refuses the token.</summary>
    public static (WebIdentitySessionClaims? Claims, FederationError? Error) Read(string encodedPayload)
    {
        using var payload = JsonDocument.Parse(Encoding.UTF8.GetBytes(Base64UrlEncoder.Decode(encodedPayload)));
        var root = payload.RootElement;
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var transitive = new List<string>();
        if (root.TryGetProperty(WebIdentityTokenVerifier.TagsClaim, out var tagsClaim))
        {
            if (tagsClaim.ValueKind != JsonValueKind.Object)
            {
                return Refuse($"The claim {WebIdentityTokenVerifier.TagsClaim} must be an object with principal_tags and transitive_tag_keys");
            }

            if (tagsClaim.TryGetProperty(WebIdentityTokenVerifier.PrincipalTagsMember, out var principalTags))
            {
                if (principalTags.ValueKind != JsonValueKind.Object)
                {
                    return Refuse($"principal_tags in {WebIdentityTokenVerifier.TagsClaim} must be an object of tag keys");
                }

                foreach (var tag in principalTags.EnumerateObject())
                {
                    if (SingleValue(tag.Value) is not { } value)
                    {
                        return Refuse($"The session tag {tag.Name} in {WebIdentityTokenVerifier.TagsClaim} must have exactly one string value");
                    }

                    tags[tag.Name] = value;
                }
            }

            if (tagsClaim.TryGetProperty(WebIdentityTokenVerifier.TransitiveTagKeysMember, out var keys))
            {
                if (keys.ValueKind != JsonValueKind.Array || keys.EnumerateArray().Any(k => k.ValueKind != JsonValueKind.String))
                {
                    return Refuse($"transitive_tag_keys in {WebIdentityTokenVerifier.TagsClaim} must be a list of tag keys");
                }

                transitive.AddRange(keys.EnumerateArray().Select(k => k.GetString()!));
            }
        }

        string? sourceIdentity = null;
        if (root.TryGetProperty(WebIdentityTokenVerifier.SourceIdentityClaim, out var source))
        {
            if (source.ValueKind != JsonValueKind.String)
            {
                return Refuse($"The claim {WebIdentityTokenVerifier.SourceIdentityClaim} must be a string");
            }

            sourceIdentity = source.GetString();
        }

        return (new WebIdentitySessionClaims(tags, transitive, sourceIdentity), null);
    }

    // A tag value as AWS's example writes it (["Automation"]), or a bare string; several values are refused, since
    // "Multivalued session tags are not supported" (IAM User Guide, "Things to know about session tags").
    private static string? SingleValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array when value.GetArrayLength() == 1 && value[0].ValueKind == JsonValueKind.String => value[0].GetString(),
        _ => null,
    };

    private static (WebIdentitySessionClaims?, FederationError?) Refuse(string message) => (null, FederationError.Invalid(message));
}
