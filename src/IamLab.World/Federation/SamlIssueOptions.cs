namespace IamLab.World.Federation;

/// <summary>
/// How the lab SAML identity provider shapes one response. The defaults produce what AWS expects.
/// </summary>
public sealed record SamlIssueOptions
{
    /// <summary>The AWS sign-in SAML endpoint, used as audience and recipient by default.</summary>
    public const string AwsSignInEndpoint = "https://signin.aws.amazon.com/saml";

    /// <summary>The value of <c>Conditions/AudienceRestriction/Audience</c>.</summary>
    public string Audience { get; init; } = AwsSignInEndpoint;

    /// <summary>The <c>Recipient</c> of <c>SubjectConfirmationData</c> and the response <c>Destination</c>.</summary>
    public string Recipient { get; init; } = AwsSignInEndpoint;

    /// <summary>How long the assertion is valid after it is issued (<c>NotOnOrAfter</c>).</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether to sign the whole Response instead of the Assertion.</summary>
    public bool SignWholeResponse { get; init; }

    /// <summary>Whether to write role pairs as <c>PROVIDER_ARN,ROLE_ARN</c> instead of <c>ROLE_ARN,PROVIDER_ARN</c>.</summary>
    public bool WriteProviderArnFirst { get; init; }
}
