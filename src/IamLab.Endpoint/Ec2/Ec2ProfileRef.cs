using IamLab.Endpoint.Protocol;
using ParsedArn = IamLab.Policy.Model.Arn;

namespace IamLab.Endpoint.Ec2;

/// <summary>
/// The <c>IamInstanceProfile</c> parameter of RunInstances and AssociateIamInstanceProfile: the profile's ARN
/// (<c>arn:aws:iam::ACCOUNT:instance-profile/PATH/NAME</c>) or its name, in the caller's account.
/// </summary>
/// <param name="Name">The profile's name.</param>
/// <param name="Arn">The ARN as sent, or null when the name was given.</param>
public sealed record Ec2ProfileRef(string Name, string? Arn)
{
    /// <summary>Reads the parameter: null when absent, else the reference or the error.</summary>
    /// <param name="request">The request.</param>
    /// <param name="callerAccount">The caller's account; an ARN in another account names no profile the caller can pass.</param>
    /// <param name="error">The error when the parameter is invalid.</param>
    /// <returns>The reference, or null.</returns>
    public static Ec2ProfileRef? Read(QueryRequest request, string callerAccount, out AwsError? error)
    {
        ArgumentNullException.ThrowIfNull(request);
        error = null;
        var arn = request.Get("IamInstanceProfile.Arn");
        var name = request.Get("IamInstanceProfile.Name");
        if (arn is not null && name is not null)
        {
            error = Ec2Errors.ProfileArnAndName();
            return null;
        }

        if (name is not null)
        {
            return new Ec2ProfileRef(name, null);
        }

        if (arn is null)
        {
            return null;
        }

        if (ParsedArn.TryParse(arn) is not { Service: "iam", ResourceType: "instance-profile", Name.Length: > 0 } parsed || parsed.Account != callerAccount)
        {
            error = Ec2Errors.InvalidProfileArn(arn);
            return null;
        }

        return new Ec2ProfileRef(parsed.Name, arn);
    }

    /// <summary>The error for a profile that does not exist, worded for how it was named.</summary>
    /// <returns>The error.</returns>
    public AwsError NotFound() => Arn is not null ? Ec2Errors.InvalidProfileArn(Arn) : Ec2Errors.InvalidProfileName(Name);
}
