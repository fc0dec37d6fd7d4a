using IamLab.Endpoint.Hosting;
using IamLab.Endpoint.Protocol;
using IamLab.World.Errors;
using System.Xml;
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
        return Run(awsCall, input, "AssumeRoleWithSAML",
            (sts, duration, policy, policyArns) => sts.AssumeRoleWithSaml(roleArn, principalArn, assertion, duration, policy, policyArns),
            (writer, claims) =>
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
            });
    }

    public static QueryOutcome RunWebIdentity(AwsCall awsCall, QueryInput input)
    {
        var roleArn = input.Required("RoleArn");
        var sessionName = input.Required("RoleSessionName");
        var token = input.Required("WebIdentityToken");
        return Run(awsCall, input, "AssumeRoleWithWebIdentity",
            (sts, duration, policy, policyArns) => sts.AssumeRoleWithWebIdentity(roleArn, sessionName, token, duration, policy, policyArns),
            (writer, claims) =>
            {
                writer.WriteElementString("SubjectFromWebIdentityToken", claims.Subject);
                writer.WriteElementString("Audience", claims.Audience);
                writer.WriteElementString("Provider", claims.Issuer);
            });
    }

    /// <summary>The flow both calls share: the common parameters, the world's answer under the gate, the response document.</summary>
    private static QueryOutcome Run(AwsCall awsCall, QueryInput input, string action,
        Func<StsService, int?, string?, List<string>, IamResult<AssumeRoleResult>> assume, Action<XmlWriter, FederatedClaims> writeClaims)
    {
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
            result = assume(awsCall.World.Sts, duration, policy, policyArns);
        }

        if (!result.IsSuccess)
        {
            return result.Error!.ToAwsError();
        }

        var value = result.Value;
        var document = AwsXml.QueryResponse(action, AwsXmlNamespaces.Sts, awsCall.RequestId, writer =>
        {
            StsXml.Session(writer, value);
            if (value.Claims is { } claims)
            {
                writeClaims(writer, claims);
            }
        });
        return QueryOutcome.Success(document, changed: true);
    }

    private static List<string> PolicyArns(QueryInput input) =>
        [.. input.Structs("PolicyArns").Select(p => p.GetValueOrDefault("arn") ?? string.Empty)];
}
