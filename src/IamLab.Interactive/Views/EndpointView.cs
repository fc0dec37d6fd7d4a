namespace IamLab.Interactive.Views;

/// <summary>The running endpoint and the settings the notebook's AWS SDK now uses (the secret masked when shown).</summary>
public sealed record EndpointView(Uri Url, string AccessKeyId, string SecretAccessKey, string Region, string Caller);
