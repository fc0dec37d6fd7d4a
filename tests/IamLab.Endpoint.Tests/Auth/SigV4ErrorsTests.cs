using IamLab.Endpoint.Auth;
using Xunit;

namespace IamLab.Endpoint.Tests.Auth;

/// <summary>The catalogue's texts, asserted exactly: they are part of the product.</summary>
public class SigV4ErrorsTests
{
    private static readonly DateTimeOffset Midnight = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SignatureExpired_UsesStsFormat() =>
        Assert.Equal(
            "Signature expired: 20261128T000000Z is now earlier than 20261128T001500Z (20261128T003000Z - 15 min.)",
            SigV4Errors.SignatureExpired(Midnight, Midnight.AddMinutes(30), TimeSpan.FromMinutes(15)).Message);

    [Fact]
    public void SignatureNotYetCurrent_UsesStsFormat() =>
        Assert.Equal(
            "Signature not yet current: 20261128T010000Z is still later than 20261128T004500Z (20261128T003000Z + 15 min.)",
            SigV4Errors.SignatureNotYetCurrent(Midnight.AddHours(1), Midnight.AddMinutes(30), TimeSpan.FromMinutes(15)).Message);

    [Fact]
    public void MissingAuthenticationToken_IsForbiddenWithAwsText()
    {
        var error = SigV4Errors.MissingAuthenticationToken();

        Assert.Equal(("MissingAuthenticationToken", "Request is missing Authentication Token", 403, "Sender"), (error.Code, error.Message, error.StatusCode, error.Type));
    }
}
