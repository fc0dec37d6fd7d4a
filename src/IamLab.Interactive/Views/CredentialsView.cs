using IamLab.World.Sts;

namespace IamLab.Interactive.Views;

/// <summary>Credentials to show masked, with the time they were shown (for the countdown to their expiry).</summary>
public sealed record CredentialsView(Credentials Credentials, DateTimeOffset Now);
