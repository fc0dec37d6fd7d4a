using System.Text.Json.Nodes;
using IamLab.World.Events;
using IamLab.World.Sts;

namespace IamLab.World.Tests.Events;

// The fields follow the AWS CloudTrail User Guide, "CloudTrail record contents for management, data, and network activity
// events" and "CloudTrail userIdentity element" (AssumedRole identities carry sessionContext.sessionIssuer, attributes with
// creationDate and mfaAuthenticated as a string, and sourceIdentity).
public class EventLogTests
{
    private const string RoleA = "arn:aws:iam::111111111111:role/RoleA";
    private const string RoleB = "arn:aws:iam::111111111111:role/RoleB";

    private static Article Lab()
    {
        var lab = new Article();
        _ = lab.Dev1.CreateRole("RoleA", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/alice"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]}]}""").Value;
        // A session with a source identity passes it on, which needs sts:SetSourceIdentity on both sides of the next hop.
        _ = lab.Dev1.PutRolePolicy("RoleA", "AssumeB", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:AssumeRole","sts:SetSourceIdentity"],"Resource":"*"}]}""").Value;
        _ = lab.Dev1.CreateRole("RoleB", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/RoleA"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]}]}""").Value;
        return lab;
    }

    [Fact]
    public void AssumeRole_ByUser_RecordedWithIamUserIdentityAndIssuedKey()
    {
        var lab = Lab();

        var a = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(RoleA, "alice-work") { SourceIdentity = "alice@example.com" }).Value;

        var e = Assert.Single(lab.World.Events.Events());
        Assert.Equal(("sts.amazonaws.com", "AssumeRole", "us-east-1"), (e.EventSource, e.EventName, e.AwsRegion));
        Assert.Equal(("IAMUser", "arn:aws:iam::111111111111:user/alice", "111111111111", lab.Alice.AccessKeyId, "alice"),
            (e.UserIdentity.Type, e.UserIdentity.Arn, e.UserIdentity.AccountId, e.UserIdentity.AccessKeyId, e.UserIdentity.UserName));
        Assert.Null(e.ErrorCode);
        Assert.Equal(lab.Clock.GetUtcNow(), e.EventTime);
        Assert.Equal(RoleA, e.RequestParameters!["roleArn"]!.GetValue<string>());
        Assert.Equal("alice@example.com", e.RequestParameters!["sourceIdentity"]!.GetValue<string>());
        Assert.Equal(a.Credentials.AccessKeyId, e.ResponseElements!["credentials"]!["accessKeyId"]!.GetValue<string>());
        Assert.DoesNotContain(a.Credentials.SecretAccessKey, TrailJson.ToLine(e), StringComparison.Ordinal);
        Assert.DoesNotContain(a.Credentials.SessionToken!, TrailJson.ToLine(e), StringComparison.Ordinal);
    }

    [Fact]
    public void ChainedCall_CallerIsAssumedRoleWithSessionIssuerAndSourceIdentity()
    {
        var lab = Lab();
        var a = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(RoleA, "alice-work") { SourceIdentity = "alice@example.com" }).Value;
        lab.Clock.Advance(TimeSpan.FromMinutes(5));

        _ = lab.World.Sts.AssumeRole(a.Credentials, new AssumeRoleRequest(RoleB, "hop2")).Value;

        var e = lab.World.Events.Events()[1];
        var who = e.UserIdentity;
        Assert.Equal(("AssumedRole", "arn:aws:sts::111111111111:assumed-role/RoleA/alice-work", a.Credentials.AccessKeyId), (who.Type, who.Arn, who.AccessKeyId));
        Assert.Equal(a.Session.AssumedRoleId, who.PrincipalId);
        var context = who.SessionContext!;
        Assert.Equal((a.Session.AssumedRoleId.Split(':')[0], RoleA, "111111111111", "RoleA"), (context.IssuerPrincipalId, context.IssuerArn, context.IssuerAccountId, context.IssuerUserName));
        Assert.Equal((lab.Clock.GetUtcNow().AddMinutes(-5), false, "alice@example.com"), (context.CreationDate, context.MfaAuthenticated, context.SourceIdentity));
        Assert.Equal("alice@example.com", e.ResponseElements!["sourceIdentity"]!.GetValue<string>());
    }

    [Fact]
    public void RefusedAssumeRole_RecordedWithErrorCodeAndMessage()
    {
        var lab = Lab();

        var error = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(RoleB, "try")).Error!;

        var e = Assert.Single(lab.World.Events.Events());
        Assert.Equal(("AccessDenied", error.Message), (e.ErrorCode, e.ErrorMessage));
        Assert.Null(e.ResponseElements);
    }

    [Fact]
    public void Record_WithinScope_TakesRequestIdAddressAndUserAgent()
    {
        var lab = Lab();

        using (EventLog.Scope(new CallFacts("req-1", "203.0.113.9", "aws-cli/2.9")))
        {
            _ = lab.World.Sts.GetCallerIdentity(lab.Alice);
        }

        _ = lab.World.Sts.GetCallerIdentity(lab.Alice);

        var (inside, outside) = (lab.World.Events.Events()[0], lab.World.Events.Events()[1]);
        Assert.Equal(("req-1", "203.0.113.9", "aws-cli/2.9", true), (inside.RequestId, inside.SourceIpAddress, inside.UserAgent, inside.ReadOnly));
        Assert.Equal((null, null, null), (outside.RequestId, outside.SourceIpAddress, outside.UserAgent));
    }

    [Fact]
    public void SourceIpOfTheRequestContext_RecordedWhenNoScopeSaysOtherwise()
    {
        var lab = Lab();

        _ = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(RoleA, "xy"), new IamLab.Policy.Evaluation.RequestContext().Set("aws:SourceIp", "198.51.100.7"));

        Assert.Equal("198.51.100.7", Assert.Single(lab.World.Events.Events()).SourceIpAddress);
    }

    [Fact]
    public void ExpiredSession_StillNamedAndRefusedWithExpiredToken()
    {
        var lab = Lab();
        var a = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(RoleA, "old")).Value;
        lab.Clock.Advance(TimeSpan.FromHours(2));

        _ = lab.World.Sts.GetCallerIdentity(a.Credentials);

        var e = lab.World.Events.Events()[^1];
        Assert.Equal(("ExpiredToken", "AssumedRole", "arn:aws:sts::111111111111:assumed-role/RoleA/old"), (e.ErrorCode, e.UserIdentity.Type, e.UserIdentity.Arn));
    }

    [Fact]
    public void UnknownKey_RecordedAsUnknownWithTheKeyId()
    {
        var lab = Lab();

        _ = lab.World.Sts.GetCallerIdentity(new Credentials("AKIAUNKNOWN0000000000", "x", null));

        var e = Assert.Single(lab.World.Events.Events());
        Assert.Equal(("Unknown", "AKIAUNKNOWN0000000000", "InvalidClientTokenId"), (e.UserIdentity.Type, e.UserIdentity.AccessKeyId, e.ErrorCode));
    }

    [Fact]
    public void Filter_ByIssuedAccessKey_FindsTheAssumeRoleThatMadeItAndEveryUseOfIt()
    {
        var lab = Lab();
        var a = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(RoleA, "alice-work")).Value;
        _ = lab.World.Sts.GetCallerIdentity(lab.Alice);
        _ = lab.World.Sts.AssumeRole(a.Credentials, new AssumeRoleRequest(RoleB, "hop2")).Value;

        var found = lab.World.Events.Find(new EventFilter { AccessKeyId = a.Credentials.AccessKeyId });

        Assert.Equal([1L, 3L], found.Select(e => e.Sequence));
    }

    [Fact]
    public void Filter_SessionNameAndErrors_Combine()
    {
        var lab = Lab();
        _ = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(RoleA, "mallory"));
        _ = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(RoleB, "mallory"));
        _ = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(RoleB, "bob"));

        var found = lab.World.Events.Find(new EventFilter { SessionName = "MALLORY", ErrorsOnly = true });

        Assert.Equal([2L], found.Select(e => e.Sequence));
    }

    [Fact]
    public void Full_KeepsNewestCapacityEventsAndCountsDropped()
    {
        var lab = Lab();
        var capacity = lab.World.Events.Capacity;

        for (var i = 0; i < capacity + 3; i++)
        {
            _ = lab.World.Sts.GetCallerIdentity(lab.Alice);
        }

        var kept = lab.World.Events.Events();
        Assert.Equal((capacity, 4L, (long)capacity + 3, 3L), (kept.Count, kept[0].Sequence, kept[^1].Sequence, lab.World.Events.Dropped));
    }

    [Fact]
    public void Clear_ForgetsKeptEventsAndIdsNeverRepeat()
    {
        var lab = Lab();
        _ = lab.World.Sts.GetCallerIdentity(lab.Alice);
        var first = lab.World.Events.Events()[0].EventId;

        lab.World.Events.Clear();
        _ = lab.World.Sts.GetCallerIdentity(lab.Alice);

        var e = Assert.Single(lab.World.Events.Events());
        Assert.Equal(2L, e.Sequence);
        Assert.NotEqual(first, e.EventId);
    }

    [Fact]
    public void EventIds_SameSeedSameIds_AndGuidShaped()
    {
        var one = Lab();
        var two = Lab();

        _ = one.World.Sts.GetCallerIdentity(one.Alice);
        _ = two.World.Sts.GetCallerIdentity(two.Alice);

        var id = one.World.Events.Events()[0].EventId;
        Assert.Equal(id, two.World.Events.Events()[0].EventId);
        Assert.True(Guid.TryParse(id, out var guid));
        Assert.Equal(4, guid.Version);
    }

    [Fact]
    public void Recording_DrawsNoIdsFromTheWorld()
    {
        var quiet = Lab();
        var noisy = Lab();
        for (var i = 0; i < 5; i++)
        {
            _ = noisy.World.Sts.GetCallerIdentity(noisy.Alice);
        }

        var a = quiet.World.Sts.AssumeRole(quiet.Alice, new AssumeRoleRequest(RoleA, "xy")).Value;
        var b = noisy.World.Sts.AssumeRole(noisy.Alice, new AssumeRoleRequest(RoleA, "xy")).Value;

        Assert.Equal(a.Credentials.AccessKeyId, b.Credentials.AccessKeyId);
    }

    [Fact]
    public void ServiceSession_RecordedAsAwsServiceInvokedByEc2()
    {
        var lab = Lab();
        _ = lab.Dev1.CreateRole("Web", Article.Ec2Trust).Value;
        _ = lab.Dev1.CreateInstanceProfile("Web").Value;
        _ = lab.Dev1.AddRoleToInstanceProfile("Web", "Web").Value;

        var instance = lab.World.Compute.RunInstance(Article.Dev, "Web").Value;
        _ = lab.World.Compute.InstanceCredentials(instance.InstanceId).Value;

        var e = lab.World.Events.Find(new EventFilter { EventName = "AssumeRole" }).Single();
        Assert.Equal(("AWSService", "ec2.amazonaws.com", "ec2.amazonaws.com"), (e.UserIdentity.Type, e.UserIdentity.InvokedBy, e.SourceIpAddress));
    }

    [Fact]
    public void RecordCall_ByFrontEnd_NamesCallerAndTarget()
    {
        var lab = Lab();

        var e = lab.World.Events.RecordCall(lab.Alice, "iam.amazonaws.com", "CreateRole", new JsonObject { ["roleName"] = "Admin" }, "AccessDenied", "no", readOnly: false);

        Assert.Equal(("IAMUser", "111111111111", "AccessDenied"), (e.UserIdentity.Type, e.RecipientAccountId, e.ErrorCode));
        Assert.Equal(["2025-03-01T09:00:00Z", "iam:CreateRole", "111111111111:user/alice", "-", "-", "AccessDenied", "Admin"], TrailTable.Row(e));
    }

    [Fact]
    public void Json_WritesCloudTrailFieldsAndReadsBack()
    {
        var lab = Lab();
        var a = lab.World.Sts.AssumeRole(lab.Alice, new AssumeRoleRequest(RoleA, "alice-work") { SourceIdentity = "alice" }).Value;
        _ = lab.World.Sts.GetCallerIdentity(a.Credentials);
        var e = lab.World.Events.Events()[1];

        var line = TrailJson.ToLine(e);
        var json = JsonNode.Parse(line)!.AsObject();
        var back = TrailJson.Read(line)!;

        Assert.Equal("1.11", json["eventVersion"]!.GetValue<string>());
        Assert.Equal("2025-03-01T09:00:00Z", json["eventTime"]!.GetValue<string>());
        Assert.Equal("false", json["userIdentity"]!["sessionContext"]!["attributes"]!["mfaAuthenticated"]!.GetValue<string>());
        Assert.Equal("Role", json["userIdentity"]!["sessionContext"]!["sessionIssuer"]!["type"]!.GetValue<string>());
        Assert.Equal("alice", json["userIdentity"]!["sessionContext"]!["sourceIdentity"]!.GetValue<string>());
        Assert.Equal(("AwsApiCall", true, "Management"), (json["eventType"]!.GetValue<string>(), json["managementEvent"]!.GetValue<bool>(), json["eventCategory"]!.GetValue<string>()));
        Assert.Equal(e with { RequestParameters = null, ResponseElements = null }, back with { RequestParameters = null, ResponseElements = null });
    }

    [Fact]
    public void Read_NotARecord_Null()
    {
        Assert.Null(TrailJson.Read("{\"eventName\":\"x\"}"));
        Assert.Null(TrailJson.Read("not json"));
    }
}
