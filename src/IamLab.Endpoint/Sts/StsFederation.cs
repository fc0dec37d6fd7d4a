using IamLab.Endpoint.Hosting;
using IamLab.Endpoint.Protocol;
using IamLab.World.Errors;
using IamLab.World.Sts;

namespace IamLab.Endpoint.Sts;

/// <summary>AssumeRoleWithSAML and AssumeRoleWithWebIdentity: unsigned calls whose assertion or token stands for the caller.</summary>
internal static class StsFederation
{
    public static QueryOutcome RunSaml(AwsCall awsCall, QueryInput input)
    {
        var roleArn = input.Required("RoleArn");
        var principalArn = input.Required("PrincipalArn");
        var assertion = input.Required("SAMLAssertion");
        var duration = input.Integer("DurationSeconds");
        var policy = input.Optional("Policy");
        var policyArns = PolicyArns(input);
        if (input.Error is { } invalid)
        {
            return invalid;
        }

        IamResult<AssumeRoleResult> result;
        lock (awsCall.State.WorldGate)
        {
            result = awsCall.World.Sts.AssumeRoleWithSaml(roleArn, principalArn, assertion, duration, policy, policyArns);
        }

        if (!result.IsSuccess)
        {
            return result.Error!.ToAwsError();
        }

        var value = result.Value;
        var document = AwsXml.QueryResponse("AssumeRoleWithSAML", AwsXmlNamespaces.Sts, awsCall.RequestId, writer =>
        {
            StsXml.Session(writer, value);
            if (value.Claims is { } claims)
            {
                writer.WriteElementString("Subject", claims.Subject);
                if (claims.SubjectType is not null)
                {
                    writer.WriteElementString("SubjectType", claims.SubjectType);
                }

                writer.WriteElementString("Issuer", claims.Issuer);
                writer.WriteElementString("Audience", claims.Audience);
                if (claims.NameQualifier is not null)
                {
                    writer.WriteElementString("NameQualifier", claims.NameQualifier);
                }
            }
        });
        return QueryOutcome.Success(document, changed: true);
    }

    public static QueryOutcome RunWebIdentity(AwsCall awsCall, QueryInput input)
    {
        var roleArn = input.Required("RoleArn");
        var sessionName = input.Required("RoleSessionName");
        var token = input.Required("WebIdentityToken");
        var duration = input.Integer("DurationSeconds");
        var policy = input.Optional("Policy");
        var policyArns = PolicyArns(input);
        if (input.Error is { } invalid)
        {
            return invalid;
        }

        IamResult<AssumeRoleResult> result;
        lock (awsCall.State.WorldGate)
        {
            result = awsCall.World.Sts.AssumeRoleWithWebIdentity(roleArn, sessionName, token, duration, policy, policyArns);
        }

        if (!result.IsSuccess)
        {
            return result.Error!.ToAwsError();
        }

        var value = result.Value;
        var document = AwsXml.QueryResponse("AssumeRoleWithWebIdentity", AwsXmlNamespaces.Sts, awsCall.RequestId, writer =>
        {
            StsXml.Session(writer, value);
            if (value.Claims is { } claims)
            {
                writer.WriteElementString("SubjectFromWebIdentityToken", claims.Subject);
                writer.WriteElementString("Audience", claims.Audience);
                writer.WriteElementString("Provider", claims.Issuer);
            }
        });
        return QueryOutcome.Success(document, changed: true);
    }

    private static List<string> PolicyArns(QueryInput input) =>
        [.. input.Structs("PolicyArns").Select(p => p.GetValueOrDefault("arn") ?? string.Empty)];
}
