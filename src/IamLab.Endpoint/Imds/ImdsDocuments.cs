using System.Globalization;
using System.Text;
using System.Text.Json;
using IamLab.World.Sts;

namespace IamLab.Endpoint.Imds;

/// <summary>
/// The JSON documents IMDS serves, in its own layout (<c>"Key" : "value"</c>, one per line): the role credentials at
/// <c>/latest/meta-data/iam/security-credentials/ROLE</c> and the profile at <c>/latest/meta-data/iam/info</c>.
/// </summary>
public static class ImdsDocuments
{
    /// <summary>The credentials document the SDKs read.</summary>
    /// <param name="credentials">The role session's credentials (with session token and expiration).</param>
    /// <param name="lastUpdated">When the credentials were issued.</param>
    /// <returns>The JSON text.</returns>
    public static string SecurityCredentials(Credentials credentials, DateTimeOffset lastUpdated)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return Object(
            ("Code", "Success"),
            ("LastUpdated", Iso(lastUpdated)),
            ("Type", "AWS-HMAC"),
            ("AccessKeyId", credentials.AccessKeyId),
            ("SecretAccessKey", credentials.SecretAccessKey),
            ("Token", credentials.SessionToken ?? string.Empty),
            ("Expiration", Iso(credentials.Expiration ?? lastUpdated)));
    }

    /// <summary>The <c>iam/info</c> document.</summary>
    /// <param name="lastUpdated">When the instance's credentials were last issued.</param>
    /// <param name="profileArn">The instance profile's ARN.</param>
    /// <param name="profileId">The instance profile's id.</param>
    /// <returns>The JSON text.</returns>
    public static string IamInfo(DateTimeOffset lastUpdated, string profileArn, string profileId) =>
        Object(("Code", "Success"), ("LastUpdated", Iso(lastUpdated)), ("InstanceProfileArn", profileArn), ("InstanceProfileId", profileId));

    /// <summary>
    /// The instance identity document (<c>/latest/dynamic/instance-identity/document</c>) with what the lab knows of the
    /// instance: its id, account, region and availability zone. The lab keeps no AMI or instance type, so those fields
    /// are left out (the lab does not sign the document either).
    /// </summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="accountId">Its account.</param>
    /// <param name="region">The region.</param>
    /// <returns>The JSON text.</returns>
    public static string IdentityDocument(string instanceId, string accountId, string region) =>
        Object(("accountId", accountId), ("availabilityZone", region + "a"), ("instanceId", instanceId), ("region", region), ("version", "2017-09-30"));

    /// <summary>IMDS's time format: <c>2026-01-01T00:00:00Z</c>.</summary>
    /// <param name="time">The time.</param>
    /// <returns>The text.</returns>
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Object(params (string Name, string Value)[] members)
    {
        var builder = new StringBuilder("{\n");
        for (var i = 0; i < members.Length; i++)
        {
            builder.Append("  \"").Append(members[i].Name).Append("\" : \"")
                .Append(JsonEncodedText.Encode(members[i].Value).Value).Append('"')
                .Append(i + 1 < members.Length ? ",\n" : "\n");
        }

        return builder.Append('}').ToString();
    }
}
