using IamLab.Endpoint.Protocol;

namespace IamLab.Endpoint.Ec2;

/// <summary>
/// EC2's error codes and texts (EC2 API reference, "Error codes for the Amazon EC2 API"). Texts the reference does not
/// spell out are marked where they are built.
/// </summary>
public static class Ec2Errors
{
    /// <summary>
    /// EC2's name for a refusal: <c>UnauthorizedOperation</c> (403), whose message starts with EC2's sentence and then
    /// names the principal, action, resource and policy kind as the engine's AccessDenied does.
    /// </summary>
    /// <param name="denied">The engine's AccessDenied (other errors, such as ExpiredToken, pass through).</param>
    /// <returns>The EC2 error.</returns>
    public static AwsError Unauthorized(AwsError denied)
    {
        ArgumentNullException.ThrowIfNull(denied);
        // AWS appends "Encoded authorization failure message: …" (decoded by sts:DecodeAuthorizationMessage, which the
        // lab does not offer); the lab writes the decision in plain text instead.
        return denied.Code == "AccessDenied"
            ? new AwsError("UnauthorizedOperation", $"You are not authorized to perform this operation. {denied.Message}", 403)
            : denied;
    }

    /// <summary>An action EC2 does not have (or the lab does not model).</summary>
    /// <param name="action">The action as sent.</param>
    /// <returns>The error.</returns>
    public static AwsError InvalidAction(string action) =>
        new("InvalidAction", $"The action {action} is not valid for this web service.", 400);

    /// <summary>A parameter with a value EC2 refuses.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The error.</returns>
    public static AwsError InvalidParameterValue(string message) => new("InvalidParameterValue", message, 400);

    /// <summary>An instance profile given by an ARN that names no profile of the caller's account.</summary>
    /// <param name="arn">The ARN as sent.</param>
    /// <returns>The error.</returns>
    public static AwsError InvalidProfileArn(string arn) =>
        InvalidParameterValue($"Value ({arn}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN");

    /// <summary>An instance profile given by a name that names no profile of the caller's account.</summary>
    /// <param name="name">The name as sent.</param>
    /// <returns>The error.</returns>
    public static AwsError InvalidProfileName(string name) =>
        InvalidParameterValue($"Value ({name}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name");

    /// <summary>Both the profile's ARN and its name were given.</summary>
    /// <returns>The error.</returns>
    public static AwsError ProfileArnAndName() =>
        new("InvalidParameterCombination", "The parameter iamInstanceProfile.name may not be used in combination with iamInstanceProfile.arn", 400);

    /// <summary>No instance with that id in the caller's account.</summary>
    /// <param name="instanceId">The id as sent.</param>
    /// <returns>The error.</returns>
    public static AwsError InstanceNotFound(string instanceId) =>
        new("InvalidInstanceID.NotFound", $"The instance ID '{instanceId}' does not exist", 400);

    /// <summary>More instances than the lab's quota in one call.</summary>
    /// <param name="requested">MinCount.</param>
    /// <returns>The error.</returns>
    public static AwsError InstanceLimitExceeded(int requested) =>
        new("InstanceLimitExceeded", $"You have requested more instances ({requested}) than your current instance limit of {Ec2Handler.MaxInstancesPerCall} allows for the specified instance type.", 400);
}
