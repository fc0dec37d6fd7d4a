using System.Security.Cryptography;
using System.Text;

namespace IamLab.World.Compute;

/// <summary>
/// Where an instance sits in the network, as far as policies can see it (<c>aws:Ec2InstanceSourceVpc</c>,
/// <c>aws:Ec2InstanceSourcePrivateIPv4</c>): each account has one default VPC per region (AWS makes one, CIDR
/// 172.31.0.0/16), and each instance a private address in it. Both are derived from names, not drawn from the world's
/// id counter, so adding them changed no id a scenario or a saved world already has.
/// </summary>
public static class NetworkPlacement
{
    /// <summary>The default VPC's id for an account and region: <c>vpc-</c> and 17 hex digits.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="region">The region.</param>
    /// <returns>The VPC id.</returns>
    public static string DefaultVpcId(string accountId, string region) => "vpc-" + Hex(accountId + "/" + region)[..17];

    /// <summary>The instance's private address in 172.31.0.0/16 (never .0 or .255 in the last byte).</summary>
    /// <param name="instanceId">The instance.</param>
    /// <returns>The dotted address.</returns>
    public static string PrivateIpAddress(string instanceId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(instanceId));
        return $"172.31.{hash[0]}.{1 + (hash[1] % 254)}";
    }

    private static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
