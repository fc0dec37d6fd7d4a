namespace IamLab.World.Iam;

/// <summary>A SAML identity provider: its ARN and the metadata document holding its signing certificate.</summary>
public sealed record SamlProvider(string Arn, string Name, string MetadataDocument, DateTimeOffset CreateDate);
