using System.Globalization;
using IamLab.Endpoint.Tests.Clients;
using IamLab.Endpoint.Tests.Hosting;
using IamLab.World;
using Xunit;

namespace IamLab.Endpoint.Tests.Iam;

/// <summary>
/// GetRole's RoleLastUsed and UpdateRole's MaxSessionDuration limits, read by boto3 in another process (the .NET SDK for
/// IAM is not available here). IAM API Reference: RoleLastUsed ("Activity is only reported for the trailing 400 days";
/// LastUsedDate "is null if the role has not been used within the IAM tracking period"), GetRole (RoleLastUsed is a
/// response element), UpdateRole (MaxSessionDuration: minimum 3600, maximum 43200). boto3 refuses a value under 3600
/// itself (ParamValidationError, before sending), so only the maximum reaches the endpoint from it.
/// </summary>
public sealed class RoleLastUsedBoto3Tests
{
    private const string Account = "123456789012";
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    [Fact]
    public async Task Boto3_GetRole_ReportsRecentUse_AndNothingForOldOrNoUse_AndUpdateRoleKeepsAwssLimits()
    {
        var now = DateTimeOffset.UtcNow;
        var recent = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).AddDays(-3);
        await using var server = await LabServer.StartAsync(world => Seed(world, recent, now), start: now);
        var script = $$"""
            import json, boto3, botocore
            iam = boto3.client('iam', endpoint_url='{{server.Url}}', region_name='us-east-1',
                               aws_access_key_id='{{Account}}', aws_secret_access_key='test')
            for name in ['Recent', 'Ancient', 'Never']:
                used = iam.get_role(RoleName=name)['Role'].get('RoleLastUsed')
                print(name, 'absent' if used is None else json.dumps({k: v.isoformat() if hasattr(v, 'isoformat') else v for k, v in used.items()}, sort_keys=True))
            for seconds in [50000]:
                try:
                    iam.update_role(RoleName='Recent', MaxSessionDuration=seconds)
                    print('accepted', seconds)
                except botocore.exceptions.ClientError as e:
                    print(e.response['Error']['Code'] + ': ' + e.response['Error']['Message'])
            iam.update_role(RoleName='Recent', MaxSessionDuration=14400)
            print('MaxSessionDuration', iam.get_role(RoleName='Recent')['Role']['MaxSessionDuration'])
            """;

        var (status, output, errors) = await ReadmeFlows.BashAsync($"python3 - <<'PYTHON'\n{script}\nPYTHON\n", TimeSpan.FromMinutes(2));

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(status == 0 && lines.Length == 5, $"Exit {status}\nOutput:\n{output}\nErrors:\n{errors}");
        var date = recent.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+00:00";
        Assert.Equal($$"""Recent {"LastUsedDate": "{{date}}", "Region": "eu-west-1"}""", lines[0]);
        Assert.Equal("Ancient {}", lines[1]);
        Assert.Equal("Never {}", lines[2]);
        Assert.Equal("ValidationError: 1 validation error detected: Value '50000' at 'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200", lines[3]);
        Assert.Equal("MaxSessionDuration 14400", lines[4]);
    }

    /// <summary>
    /// IAM API Reference, ListRoles: "This operation does not return the following attributes, even though they are an
    /// attribute of the returned object: PermissionsBoundary, RoleLastUsed, Tags. To view all of the information for a role,
    /// see GetRole."
    /// </summary>
    [Fact]
    public async Task Boto3_ListRoles_LeavesOutBoundaryLastUseAndTags_GetRoleHasThem()
    {
        var now = DateTimeOffset.UtcNow;
        await using var server = await LabServer.StartAsync(world =>
        {
            Seed(world, now.AddDays(-3), now);
            _ = world.Iam(Account).CreateRole("Tagged", Trust, tags: [new Tag("team", "blue")],
                permissionsBoundary: "arn:aws:iam::aws:policy/ReadOnlyAccess").Value;
            _ = world.Iam(Account).RecordRoleUse("Tagged", now.AddDays(-1), "us-east-1").Value;
        }, start: now);
        var script = $$"""
            import boto3
            iam = boto3.client('iam', endpoint_url='{{server.Url}}', region_name='us-east-1',
                               aws_access_key_id='{{Account}}', aws_secret_access_key='test')
            for role in iam.list_roles()['Roles']:
                print('list', role['RoleName'], ','.join(sorted(k for k in role if k in ('PermissionsBoundary', 'RoleLastUsed', 'Tags', 'MaxSessionDuration'))))
            role = iam.get_role(RoleName='Tagged')['Role']
            print('get', role['RoleName'], ','.join(sorted(k for k in role if k in ('PermissionsBoundary', 'RoleLastUsed', 'Tags', 'MaxSessionDuration'))))
            """;

        var (status, output, errors) = await ReadmeFlows.BashAsync($"python3 - <<'PYTHON'\n{script}\nPYTHON\n", TimeSpan.FromMinutes(2));

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(status == 0, $"Exit {status}\nOutput:\n{output}\nErrors:\n{errors}");
        Assert.Equal(
        [
            "list Ancient MaxSessionDuration",
            "list Never MaxSessionDuration",
            "list Recent MaxSessionDuration",
            "list Tagged MaxSessionDuration",
            "get Tagged MaxSessionDuration,PermissionsBoundary,RoleLastUsed,Tags",
        ], lines);
    }

    private static void Seed(LabWorld world, DateTimeOffset recent, DateTimeOffset now)
    {
        _ = world.CreateAccount(Account);
        var iam = world.Iam(Account);
        foreach (var name in new[] { "Recent", "Ancient", "Never" })
        {
            _ = iam.CreateRole(name, Trust).Value;
        }

        _ = iam.RecordRoleUse("Recent", recent, "eu-west-1").Value;
        _ = iam.RecordRoleUse("Ancient", now.AddDays(-401), "us-east-1").Value;
    }
}
