using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace IamLab.World.Federation;

/// <summary>
/// Verifies a base64-encoded SAML 2.0 Response the way <c>AssumeRoleWithSAML</c> does, and returns the claims AWS
/// exposes as condition keys or the error AWS returns. Bad input never throws: it yields a failed result.
/// </summary>
/// <remarks>
/// Messages quoted from AWS (its troubleshooting guide and observed responses): "Invalid base64 SAMLResponse",
/// "Response signature invalid", "Failed to assume role: Issuer not present in specified provider",
/// "Responses must contain SubjectConfirmatonData with a Recipient and NotOnOrAfter" (AWS's spelling),
/// "SAML Assertion doesn't contain the requested Role and Metadata in the attributes",
/// "RoleSessionName is required in AuthnResponse", "RoleSessionName in AuthnResponse must match ...",
/// "Response has expired", "Token must be redeemed within 5 minutes of issuance",
/// "Not authorized to perform sts:AssumeRoleWithSAML". Other messages are the lab's own wording.
/// Signature wrapping is refused: the response must hold exactly one Assertion as a direct child, IDs must be
/// unique, and the accepted signature must reference the very Response or Assertion that is read.
/// </remarks>
public static partial class SamlAssertionVerifier
{
    /// <summary>The longest SAMLAssertion parameter STS accepts, in characters.</summary>
    public const int MaxResponseLength = 100_000;

    /// <summary>How long after its IssueInstant an assertion may still be redeemed.</summary>
    public static readonly TimeSpan RedemptionWindow = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Verifies <paramref name="base64Response"/> against the provider's metadata and the requested role.
    /// </summary>
    /// <param name="base64Response">The SAMLAssertion parameter: the base64-encoded Response.</param>
    /// <param name="samlMetadataXml">The metadata document of the IAM SAML provider named by <paramref name="principalArn"/>.</param>
    /// <param name="roleArn">The RoleArn parameter.</param>
    /// <param name="principalArn">The PrincipalArn parameter: the SAML provider's ARN.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The claims, or AWS's error.</returns>
    public static SamlVerificationResult Verify(
        string base64Response, string samlMetadataXml, string roleArn, string principalArn, DateTimeOffset now)
    {
        try
        {
            return VerifyCore(base64Response ?? "", samlMetadataXml ?? "", roleArn ?? "", principalArn ?? "", now);
        }
        catch (Exception e) when (e is XmlException or CryptographicException or FormatException
                                      or ArgumentException or InvalidOperationException or OverflowException)
        {
            return Fail(FederationError.Invalid("Invalid SAML response: " + e.Message));
        }
    }

    private static SamlVerificationResult VerifyCore(
        string base64Response, string metadataXml, string roleArn, string principalArn, DateTimeOffset now)
    {
        if (base64Response.Length is 0 or > MaxResponseLength || !TryDecode(base64Response, out var bytes))
        {
            return Fail(FederationError.Invalid("Invalid base64 SAMLResponse"));
        }
        if (!TryParseProviderArn(principalArn, out var accountId, out var providerName))
        {
            return Fail(FederationError.Invalid("Specified provider doesn't exist"));
        }
        using var metadata = SamlMetadata.TryRead(metadataXml);
        if (metadata is null)
        {
            return Fail(FederationError.Invalid("Could not parse metadata."));
        }

        XmlDocument document;
        using (var stream = new MemoryStream(bytes))
        {
            document = SafeXml.Load(stream);
        }
        var response = document.DocumentElement;
        if (response is null || response.LocalName != "Response" || response.NamespaceURI != SamlXml.Protocol)
        {
            return Fail(FederationError.Invalid("Invalid SAML response: the document is not a SAML 2.0 Response"));
        }
        if (document.GetElementsByTagName("EncryptedAssertion", SamlXml.Assertion).Count > 0)
        {
            return Fail(FederationError.Invalid("Invalid SAML response: encrypted assertions are not supported by the lab"));
        }
        var assertions = document.GetElementsByTagName("Assertion", SamlXml.Assertion);
        if (assertions.Count != 1 || assertions[0]!.ParentNode != response || SamlSignatureCheck.HasDuplicateIds(document))
        {
            return Fail(FederationError.Invalid(
                "Invalid SAML response: a response must hold exactly one Assertion, directly inside the Response, with unique IDs"));
        }
        var assertion = (XmlElement)assertions[0]!;

        var responseSignature = SafeXml.Child(response, "Signature", SamlXml.DSig);
        var assertionSignature = SafeXml.Child(assertion, "Signature", SamlXml.DSig);
        var signed = (responseSignature is not null && SamlSignatureCheck.Covers(responseSignature, response, metadata.SigningCertificates))
                     || (assertionSignature is not null && SamlSignatureCheck.Covers(assertionSignature, assertion, metadata.SigningCertificates));
        if (!signed)
        {
            return Fail(FederationError.Invalid("Response signature invalid"));
        }

        var issuer = SafeXml.Child(assertion, "Issuer", SamlXml.Assertion)?.InnerText.Trim() ?? "";
        var responseIssuer = SafeXml.Child(response, "Issuer", SamlXml.Assertion)?.InnerText.Trim();
        if (issuer != metadata.EntityId || (responseIssuer is not null && responseIssuer != metadata.EntityId))
        {
            return Fail(FederationError.Invalid("Failed to assume role: Issuer not present in specified provider"));
        }
        var statusCode = SafeXml.Child(SafeXml.Child(response, "Status", SamlXml.Protocol), "StatusCode", SamlXml.Protocol);
        if (statusCode?.GetAttribute("Value") != SamlXml.StatusSuccess)
        {
            return Fail(FederationError.Invalid("Invalid SAML response: the response status is not Success"));
        }

        var subject = SafeXml.Child(assertion, "Subject", SamlXml.Assertion);
        var nameId = SafeXml.Child(subject, "NameID", SamlXml.Assertion);
        if (nameId is null || nameId.InnerText.Trim().Length == 0)
        {
            return Fail(new FederationError(FederationErrorCodes.AccessDenied, "Not authorized to perform sts:AssumeRoleWithSAML"));
        }

        var confirmation = subject is null ? null : SafeXml.Children(subject, "SubjectConfirmation", SamlXml.Assertion)
            .Where(c => c.GetAttribute("Method") == SamlXml.BearerMethod)
            .Select(c => SafeXml.Child(c, "SubjectConfirmationData", SamlXml.Assertion))
            .FirstOrDefault(d => d is not null && d.HasAttribute("Recipient") && d.HasAttribute("NotOnOrAfter"));
        if (confirmation is null)
        {
            return Fail(FederationError.Invalid("Responses must contain SubjectConfirmatonData with a Recipient and NotOnOrAfter"));
        }
        var recipient = confirmation.GetAttribute("Recipient");
        if (!IsAwsSignInEndpoint(recipient))
        {
            return Fail(FederationError.Invalid(
                $"Invalid SAML response: Recipient '{recipient}' is not the AWS sign-in endpoint {SamlIssueOptions.AwsSignInEndpoint}"));
        }

        var conditions = SafeXml.Child(assertion, "Conditions", SamlXml.Assertion);
        var restrictions = conditions is null ? [] : SafeXml.Children(conditions, "AudienceRestriction", SamlXml.Assertion).ToList();
        var badAudience = restrictions.Count == 0
            ? "(none)"
            : restrictions.Select(r => SafeXml.Children(r, "Audience", SamlXml.Assertion).Select(a => a.InnerText.Trim()).ToList())
                .Where(audiences => !audiences.Any(a => a == "urn:amazon:webservices" || IsAwsSignInEndpoint(a)))
                .Select(audiences => string.Join(", ", audiences))
                .FirstOrDefault();
        if (badAudience is not null)
        {
            return Fail(FederationError.Invalid(
                $"Invalid SAML response: Audience '{badAudience}' does not include {SamlIssueOptions.AwsSignInEndpoint}"));
        }

        var notOnOrAfter = XmlConvert.ToDateTimeOffset(confirmation.GetAttribute("NotOnOrAfter"));
        if (conditions?.GetAttribute("NotOnOrAfter") is { Length: > 0 } conditionsEnd)
        {
            notOnOrAfter = Min(notOnOrAfter, XmlConvert.ToDateTimeOffset(conditionsEnd));
        }
        if (conditions?.GetAttribute("NotBefore") is { Length: > 0 } notBefore && XmlConvert.ToDateTimeOffset(notBefore) > now)
        {
            return Fail(FederationError.Invalid($"Invalid SAML response: the assertion is not valid before {notBefore}"));
        }
        // The redemption window is checked first: "Token must be redeemed within 5 minutes of issuance"
        // (ExpiredTokenException) is the text AWS users report for a stale response. "Response has expired", for a
        // response past its NotOnOrAfter but issued less than five minutes ago, could not be confirmed in AWS's
        // documentation or in reports; it is kept as the lab's wording.
        if (assertion.GetAttribute("IssueInstant") is { Length: > 0 } issued
            && now - XmlConvert.ToDateTimeOffset(issued) > RedemptionWindow)
        {
            return Fail(FederationError.Expired("Token must be redeemed within 5 minutes of issuance"));
        }
        if (now >= notOnOrAfter)
        {
            return Fail(FederationError.Expired("Response has expired"));
        }

        var attributes = ReadAttributes(assertion);
        var pairs = attributes.GetValueOrDefault(SamlXml.RoleAttribute) ?? [];
        if (!pairs.Any(value => IsPair(value, roleArn, principalArn)))
        {
            return Fail(FederationError.Invalid("SAML Assertion doesn't contain the requested Role and Metadata in the attributes"));
        }
        var sessionNames = attributes.GetValueOrDefault(SamlXml.RoleSessionNameAttribute) ?? [];
        if (sessionNames.Count == 0)
        {
            return Fail(FederationError.Invalid("RoleSessionName is required in AuthnResponse"));
        }
        if (!SessionNamePattern().IsMatch(sessionNames[0]))
        {
            return Fail(FederationError.Invalid("RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}"));
        }
        int? duration = null;
        if (attributes.GetValueOrDefault(SamlXml.SessionDurationAttribute) is [var durationText, ..])
        {
            if (!int.TryParse(durationText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds is < 900 or > 43200)
            {
                return Fail(FederationError.Invalid(
                    $"Invalid SAML response: SessionDuration '{durationText}' must be a number of seconds from 900 to 43200"));
            }
            duration = seconds;
        }
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in attributes)
        {
            if (name.StartsWith(SamlXml.PrincipalTagAttributePrefix, StringComparison.Ordinal) && values.Count > 0)
            {
                tags[name[SamlXml.PrincipalTagAttributePrefix.Length..]] = values[0];
            }
        }

        var sub = nameId.InnerText.Trim();
        var format = nameId.GetAttribute("Format");
        var subType = format.Length == 0
            ? "unspecified"
            : format.StartsWith(SamlNameIdFormats.Saml2Prefix, StringComparison.Ordinal) ? format[SamlNameIdFormats.Saml2Prefix.Length..] : format;
        var nameQualifier = NameQualifier(issuer, accountId, providerName);
        var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["SAML:aud"] = recipient,
            ["SAML:iss"] = issuer,
            ["SAML:sub"] = sub,
            ["SAML:sub_type"] = subType,
            ["SAML:namequalifier"] = nameQualifier,
            ["SAML:doc"] = $"{accountId}/{providerName}",
        };
        return SamlVerificationResult.Success(new SamlClaims
        {
            Issuer = issuer,
            Subject = sub,
            SubjectType = subType,
            Audience = recipient,
            NameQualifier = nameQualifier,
            RoleArn = roleArn,
            ProviderArn = principalArn,
            RoleSessionName = sessionNames[0],
            SessionDurationSeconds = duration,
            NotOnOrAfter = notOnOrAfter,
            PrincipalTags = tags,
            TransitiveTagKeys = attributes.GetValueOrDefault(SamlXml.TransitiveTagKeysAttribute) ?? [],
            SourceIdentity = attributes.GetValueOrDefault(SamlXml.SourceIdentityAttribute) is [var sourceIdentity, ..] ? sourceIdentity : null,
            ConditionKeys = keys,
        });
    }

    /// <summary>
    /// AWS's <c>SAML:namequalifier</c>: BASE64(SHA1(issuer + account id + "/" + provider name)).
    /// </summary>
    /// <param name="issuer">The Issuer of the assertion.</param>
    /// <param name="accountId">The account that holds the SAML provider.</param>
    /// <param name="providerName">The provider's friendly name (the last part of its ARN).</param>
    /// <returns>The name qualifier.</returns>
    public static string NameQualifier(string issuer, string accountId, string providerName) =>
        Convert.ToBase64String(AwsSha1.Hash(Encoding.UTF8.GetBytes(issuer + accountId + "/" + providerName)));

    private static Dictionary<string, List<string>> ReadAttributes(XmlElement assertion)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var statement in SafeXml.Children(assertion, "AttributeStatement", SamlXml.Assertion))
        {
            foreach (var attribute in SafeXml.Children(statement, "Attribute", SamlXml.Assertion))
            {
                var name = attribute.GetAttribute("Name");
                if (!result.TryGetValue(name, out var values))
                {
                    result[name] = values = [];
                }
                values.AddRange(SafeXml.Children(attribute, "AttributeValue", SamlXml.Assertion).Select(v => v.InnerText.Trim()));
            }
        }
        return result;
    }

    private static bool IsPair(string value, string roleArn, string principalArn)
    {
        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        return parts.Length == 2
               && ((parts[0] == roleArn && parts[1] == principalArn) || (parts[0] == principalArn && parts[1] == roleArn));
    }

    private static bool IsAwsSignInEndpoint(string url) => AwsSignInPattern().IsMatch(url);

    private static bool TryDecode(string base64, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromBase64String(base64);
            return bytes.Length > 0;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }

    private static bool TryParseProviderArn(string arn, out string accountId, out string providerName)
    {
        var match = ProviderArnPattern().Match(arn);
        accountId = match.Success ? match.Groups[1].Value : "";
        providerName = match.Success ? match.Groups[2].Value : "";
        return match.Success;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static SamlVerificationResult Fail(FederationError error) => SamlVerificationResult.Failure(error);

    [GeneratedRegex(@"^[a-zA-Z_0-9+=,.@-]{2,64}$")]
    private static partial Regex SessionNamePattern();

    [GeneratedRegex(@"^https://([a-z0-9-]+\.)?signin\.aws\.amazon\.com/saml$")]
    private static partial Regex AwsSignInPattern();

    [GeneratedRegex(@"^arn:aws(?:-[a-z]+)*:iam::(\d{12}):saml-provider/([\w+=,.@-]{1,128})$")]
    private static partial Regex ProviderArnPattern();
}
