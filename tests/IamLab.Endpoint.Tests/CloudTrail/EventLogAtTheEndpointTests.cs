using System.Text.Json.Nodes;
using Amazon.SecurityToken.Model;
using IamLab.Endpoint.Tests.Clients;
using IamLab.Endpoint.Tests.Hosting;
using IamLab.World;
using IamLab.World.Federation;
using Tag = Amazon.SecurityToken.Model.Tag;
using IamLab.World.Events;
using Xunit;

namespace IamLab.Endpoint.Tests.CloudTrail;

/// <summary>
/// The endpoint records the requests it answers in the world's event log (address, User-Agent, request id as the
/// client saw them) and serves the log as CloudTrail's LookupEvents, read here with boto3 (CloudTrail API Reference,
/// "LookupEvents"; CloudTrail User Guide, "CloudTrail record contents").
/// </summary>
public sealed class EventLogAtTheEndpointTests
{
    private const string TaggedRole = "arn:aws:iam::111111111111:role/Tagged";

    private static void Seed(LabWorld world)
    {
        CrossAccountWorld.Seed(world);
        _ = world.Iam(CrossAccountWorld.Partner).PutUserPolicy("partner-dev", "tag", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:TagSession","sts:SetSourceIdentity"],"Resource":"*"}]}
            """).Value;
        var owner = world.Iam(CrossAccountWorld.Owner);
        _ = owner.CreateRole("Tagged", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},
              "Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]}]}
            """).Value;
        _ = owner.PutRolePolicy("Tagged", "chain", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:AssumeRole","sts:SetSourceIdentity"],"Resource":"*"}]}""").Value;
        _ = owner.CreateRole("Next", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/Tagged"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]}]}
            """).Value;
    }

    [Fact]
    public async Task AssumeRole_WithTagsTransitiveKeysAndSourceIdentity_FromTheSdk_KeptAcrossTheChainAndRecorded()
    {
        await using var server = await LabServer.StartAsync(Seed);
        using var partner = CrossAccountWorld.PartnerSts(server);

        var first = await partner.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = TaggedRole,
            RoleSessionName = "alice-work",
            SourceIdentity = "alice@example.com",
            Tags = [new Tag { Key = "team", Value = "blue" }, new Tag { Key = "cost", Value = "42" }],
            TransitiveTagKeys = ["team"],
        });
        using var asTagged = server.Sts(first.Credentials);
        var second = await asTagged.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::111111111111:role/Next", RoleSessionName = "hop2" });

        Assert.Equal("alice@example.com", first.SourceIdentity);
        Assert.Equal("alice@example.com", second.SourceIdentity);
        var session = server.World.Sts.Sessions[second.Credentials.AccessKeyId];
        Assert.Equal([new IamLab.World.Tag("team", "blue")], session.Tags);

        var events = server.World.Events.Find(new EventFilter { EventName = "AssumeRole" });
        Assert.Equal(2, events.Count);
        var (one, two) = (events[0], events[1]);
        Assert.Equal(first.ResponseMetadata.RequestId, one.RequestId);
        Assert.Equal("127.0.0.1", one.SourceIpAddress);
        Assert.Contains("aws-sdk-dotnet", one.UserAgent, StringComparison.Ordinal);
        Assert.Equal("team", one.RequestParameters!["transitiveTagKeys"]![0]!.GetValue<string>());
        Assert.Equal("blue", one.RequestParameters!["tags"]![0]!["value"]!.GetValue<string>());
        Assert.Equal(("AssumedRole", "alice@example.com", first.Credentials.AccessKeyId), (two.UserIdentity.Type, two.UserIdentity.SessionContext!.SourceIdentity, two.UserIdentity.AccessKeyId));
    }

    [Fact]
    public async Task AssumeRoleWithSaml_WithTagsTransitiveKeysAndSourceIdentity_ReadBackWithBoto3()
    {
        // The fields of AWS's example AssumeRoleWithSAML entry (IAM User Guide, "Logging IAM and AWS STS API calls with AWS
        // CloudTrail") and sourceIdentity in requestParameters and responseElements (CloudTrail User Guide, "CloudTrail
        // userIdentity element", "AWS STS source identity").
        const string role = "arn:aws:iam::111111111111:role/FederatedDeveloperAccess";
        const string provider = "arn:aws:iam::111111111111:saml-provider/MyCompanySSO";
        var assertion = "";
        await using var server = await LabServer.StartAsync(world =>
        {
            CrossAccountWorld.Seed(world);
            _ = world.Federation.CreateSamlProvider(CrossAccountWorld.Owner, "MyCompanySSO").Value;
            _ = world.Iam(CrossAccountWorld.Owner).CreateRole("FederatedDeveloperAccess", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111111111111:saml-provider/MyCompanySSO"},
                  "Action":["sts:AssumeRoleWithSAML","sts:TagSession","sts:SetSourceIdentity"]}]}
                """).Value;
            assertion = world.Federation.IssueSamlResponse(new SamlUser
            {
                NameId = "alice@mycompany.example",
                RoleSessionName = "alice",
                Roles = [new SamlRolePair(role, provider)],
                PrincipalTags = new Dictionary<string, string> { ["team"] = "platform", ["cost-center"] = "1234" },
                TransitiveTagKeys = ["team"],
                SourceIdentity = "alice",
            });
        });
        using var anonymous = server.Sts(new Amazon.Runtime.AnonymousAWSCredentials());
        var assumed = await anonymous.AssumeRoleWithSAMLAsync(new AssumeRoleWithSAMLRequest { RoleArn = role, PrincipalArn = provider, SAMLAssertion = assertion });

        var python = $$"""
            import boto3, json
            ct = boto3.client("cloudtrail", endpoint_url="{{server.Url}}", region_name="us-east-1", aws_access_key_id="111111111111", aws_secret_access_key="test")
            page = ct.lookup_events(LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": "AssumeRoleWithSAML"}])
            print(json.dumps([json.loads(e["CloudTrailEvent"]) for e in page["Events"]]))
            """;
        var (status, output, errors) = await ReadmeFlows.BashAsync($"python3 - <<'PYTHON'\n{python}\nPYTHON\n", TimeSpan.FromMinutes(2));

        Assert.True(status == 0, $"Exit {status}\n{output}\n{errors}");
        var e = Assert.Single(JsonNode.Parse(output)!.AsArray())!;
        var request = e["requestParameters"]!;
        Assert.Equal(("alice", "platform", "1234"), (request["roleSessionName"]!.GetValue<string>(), request["principalTags"]!["team"]!.GetValue<string>(), request["principalTags"]!["cost-center"]!.GetValue<string>()));
        Assert.Equal(["team"], request["transitiveTagKeys"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.Equal(("alice", "alice", "alice"), (assumed.SourceIdentity, request["sourceIdentity"]!.GetValue<string>(), e["responseElements"]!["sourceIdentity"]!.GetValue<string>()));
    }

    [Fact]
    public async Task IamAndS3Requests_RecordedOncePerRequest_WithTheirOutcome()
    {
        await using var server = await LabServer.StartAsync(Seed);
        var iam = server.Iam(CrossAccountWorld.Owner);

        await iam.CreateRoleAsync("Made", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""");
        await Assert.ThrowsAnyAsync<Exception>(() => iam.CreateRoleAsync("Made", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));

        var events = server.World.Events.Find(new EventFilter { EventName = "CreateRole" });
        Assert.Equal(2, events.Count);
        Assert.Equal(("iam.amazonaws.com", "Root", (string?)null), (events[0].EventSource, events[0].UserIdentity.Type, events[0].ErrorCode));
        Assert.Equal("Made", events[0].RequestParameters!["roleName"]!.GetValue<string>());
        Assert.Equal("EntityAlreadyExists", events[1].ErrorCode);
    }

    [Fact]
    public async Task LookupEvents_WithBoto3_ReturnsTheAccountsEventsNewestFirst_AndRefusesAnotherAccountsView()
    {
        await using var server = await LabServer.StartAsync(Seed);
        _ = await CrossAccountWorld.AssumePartnerAccessAsync(server, "partner-session");
        using var refused = CrossAccountWorld.PartnerSts(server);
        await Assert.ThrowsAnyAsync<Exception>(() => refused.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = CrossAccountWorld.RoleArn, RoleSessionName = "guess", ExternalId = "guessed" }));

        var python = $$"""
            import boto3, json
            ct = boto3.client("cloudtrail", endpoint_url="{{server.Url}}", region_name="us-east-1", aws_access_key_id="111111111111", aws_secret_access_key="test")
            page = ct.lookup_events(LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": "AssumeRole"}], MaxResults=1)
            print(json.dumps({"n": len(page["Events"]), "token": "NextToken" in page, "first": json.loads(page["Events"][0]["CloudTrailEvent"])}))
            rest = ct.lookup_events(LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": "AssumeRole"}], MaxResults=1, NextToken=page["NextToken"])
            print(json.dumps(json.loads(rest["Events"][0]["CloudTrailEvent"])))
            try:
                ct.lookup_events(MaxResults=51)
            except Exception as e:
                print(type(e).__name__, e.response["Error"]["Code"])
            other = boto3.client("cloudtrail", endpoint_url="{{server.Url}}", region_name="us-east-1", aws_access_key_id="333333333333", aws_secret_access_key="test")
            print(len(other.lookup_events()["Events"]))
            """;
        var (status, output, errors) = await ReadmeFlows.BashAsync($"python3 - <<'PYTHON'\n{python}\nPYTHON\n", TimeSpan.FromMinutes(2));

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(status == 0 && lines.Length == 4, $"Exit {status}\n{output}\n{errors}");
        var newest = JsonNode.Parse(lines[0])!;
        Assert.Equal((1, true), (newest["n"]!.GetValue<int>(), newest["token"]!.GetValue<bool>()));
        Assert.Equal(("AccessDenied", "guessed"), (newest["first"]!["errorCode"]!.GetValue<string>(), newest["first"]!["requestParameters"]!["externalId"]!.GetValue<string>()));
        var older = JsonNode.Parse(lines[1])!;
        Assert.Equal("partner-session", older["requestParameters"]!["roleSessionName"]!.GetValue<string>());
        Assert.False(older.AsObject().ContainsKey("errorCode"));
        // boto3 knows the code from CloudTrail's model and raises its modelled exception.
        Assert.Equal("InvalidMaxResultsException InvalidMaxResultsException", lines[2]);
        Assert.Equal("0", lines[3]);
    }
}
