using System.Security.Cryptography;
using System.Text;
using IamLab.World.Compute;
using IamLab.World.Iam;

namespace IamLab.Endpoint.Ec2;

/// <summary>
/// An instance's association with an instance profile, as DescribeIamInstanceProfileAssociations lists it. The world
/// keeps the profile on the instance; the association id (<c>iip-assoc-</c> and 17 hex digits) is derived from the
/// instance and profile, so it is stable across calls and restarts.
/// </summary>
/// <param name="AssociationId">The association id.</param>
/// <param name="InstanceId">The instance.</param>
/// <param name="ProfileArn">The profile's ARN.</param>
/// <param name="ProfileId">The profile's id (<c>AIPA…</c>).</param>
/// <param name="State">associating, associated, disassociating or disassociated.</param>
public sealed record Ec2Association(string AssociationId, string InstanceId, string ProfileArn, string ProfileId, string State)
{
    /// <summary>The association of <paramref name="instance"/> with <paramref name="profile"/>.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="profile">Its profile.</param>
    /// <param name="state">The state to report.</param>
    /// <returns>The association.</returns>
    public static Ec2Association Of(Ec2Instance instance, InstanceProfile profile, string state = "associated")
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(profile);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(instance.InstanceId + "|" + profile.Arn));
        var id = "iip-assoc-" + Convert.ToHexStringLower(hash)[..17];
        return new Ec2Association(id, instance.InstanceId, profile.Arn, profile.InstanceProfileId, state);
    }
}
