using IamLab.Endpoint.Hosting;
using IamLab.Endpoint.Protocol;

namespace IamLab.Endpoint.Sts;

/// <summary>GetCallerIdentity: needs no permission, only valid credentials (the host has resolved them already).</summary>
internal static class StsCallerIdentity
{
    public static QueryOutcome Run(AwsCall awsCall)
    {
        var identity = awsCall.Identity!;
        var document = AwsXml.QueryResponse("GetCallerIdentity", AwsXmlNamespaces.Sts, awsCall.RequestId, writer =>
        {
            writer.WriteElementString("Arn", identity.Arn);
            writer.WriteElementString("UserId", identity.UserId);
            writer.WriteElementString("Account", identity.Account);
        });
        return QueryOutcome.Success(document, changed: false);
    }
}
