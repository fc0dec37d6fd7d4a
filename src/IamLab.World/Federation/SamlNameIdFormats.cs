namespace IamLab.World.Federation;

/// <summary>
/// SAML 2.0 NameID format URIs.
/// </summary>
public static class SamlNameIdFormats
{
    /// <summary>A stable, opaque identifier for the user.</summary>
    public const string Persistent = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

    /// <summary>A one-time identifier for the user.</summary>
    public const string Transient = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";

    /// <summary>An email address.</summary>
    public const string EmailAddress = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";

    /// <summary>The prefix AWS strips when it reports <c>SAML:sub_type</c>.</summary>
    public const string Saml2Prefix = "urn:oasis:names:tc:SAML:2.0:nameid-format:";
}
