using System.Globalization;
using System.Text.Json.Serialization;
using IamLab.World.Errors;

namespace IamLab.World.Compute;

/// <summary>
/// An instance's metadata options, as EC2's <c>InstanceMetadataOptions</c> (RunInstances' <c>MetadataOptions</c>,
/// ModifyInstanceMetadataOptions): whether reads need an IMDSv2 token, how far the token's PUT response may travel,
/// and whether the endpoint answers at all (EC2 User Guide, "Configure the instance metadata options").
/// </summary>
public sealed class InstanceMetadataOptions
{
    /// <summary>HttpTokens = optional: IMDSv1 (no token) and IMDSv2 both work.</summary>
    public const string Optional = "optional";

    /// <summary>HttpTokens = required: every read needs a token (IMDSv2 only).</summary>
    public const string Required = "required";

    /// <summary>HttpEndpoint = enabled.</summary>
    public const string Enabled = "enabled";

    /// <summary>HttpEndpoint = disabled: the instance metadata service does not answer.</summary>
    public const string Disabled = "disabled";

    /// <summary>The smallest hop limit EC2 accepts.</summary>
    public const int MinHopLimit = 1;

    /// <summary>The largest hop limit EC2 accepts.</summary>
    public const int MaxHopLimit = 64;

    /// <summary>
    /// <c>optional</c> or <c>required</c>. The lab has no AMIs, so a launch without MetadataOptions gets EC2's default
    /// for an AMI without <c>ImdsSupport</c> and an account without defaults: <c>optional</c>.
    /// </summary>
    [JsonInclude] public string HttpTokens { get; internal set; } = Optional;

    /// <summary>1 to 64: the IP TTL of the token's PUT response, so how many network hops away a token can be used. Default 1.</summary>
    [JsonInclude] public int HttpPutResponseHopLimit { get; internal set; } = 1;

    /// <summary><c>enabled</c> or <c>disabled</c>. Default enabled.</summary>
    [JsonInclude] public string HttpEndpoint { get; internal set; } = Enabled;

    /// <summary>True when a read without a token is answered (IMDSv1).</summary>
    [JsonIgnore] public bool AllowsV1 => HttpTokens == Optional;

    /// <summary>True when these are EC2's defaults (optional, 1, enabled).</summary>
    [JsonIgnore] public bool IsDefault => HttpTokens == Optional && HttpPutResponseHopLimit == 1 && HttpEndpoint == Enabled;

    /// <summary>A copy.</summary>
    /// <returns>The copy.</returns>
    public InstanceMetadataOptions Clone() => new() { HttpTokens = HttpTokens, HttpPutResponseHopLimit = HttpPutResponseHopLimit, HttpEndpoint = HttpEndpoint };

    /// <summary>
    /// The options that result from applying the given parameters (null = keep) to <paramref name="current"/> (null = EC2's
    /// defaults), or EC2's <c>InvalidParameterValue</c> naming the first bad one.
    /// </summary>
    /// <param name="current">The instance's options, or null for a launch.</param>
    /// <param name="httpTokens">HttpTokens as sent, or null.</param>
    /// <param name="hopLimit">HttpPutResponseHopLimit as sent, or null.</param>
    /// <param name="httpEndpoint">HttpEndpoint as sent, or null.</param>
    /// <returns>The new options, or the error.</returns>
    public static IamResult<InstanceMetadataOptions> With(InstanceMetadataOptions? current, string? httpTokens, string? hopLimit, string? httpEndpoint)
    {
        var options = current?.Clone() ?? new InstanceMetadataOptions();
        if (httpTokens is not null)
        {
            if (httpTokens is not (Optional or Required))
            {
                return Invalid("HttpTokens", httpTokens, "optional, required");
            }

            options.HttpTokens = httpTokens;
        }

        if (hopLimit is not null)
        {
            if (!int.TryParse(hopLimit, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit is < MinHopLimit or > MaxHopLimit)
            {
                return Invalid("HttpPutResponseHopLimit", hopLimit, "an integer from 1 to 64");
            }

            options.HttpPutResponseHopLimit = limit;
        }

        if (httpEndpoint is not null)
        {
            if (httpEndpoint is not (Enabled or Disabled))
            {
                return Invalid("HttpEndpoint", httpEndpoint, "enabled, disabled");
            }

            options.HttpEndpoint = httpEndpoint;
        }

        return options;
    }

    // EC2's code; the sentence after "is invalid." is the lab's (EC2 lists the accepted values in its API reference).
    private static IamError Invalid(string parameter, string value, string accepted) =>
        new("InvalidParameterValue", $"Value ({value}) for parameter {parameter} is invalid. Accepted values: {accepted}.", 400);
}
