using IamLab.Interactive.Tests.Extension;

namespace IamLab.Interactive.Tests.Commands;

[Collection(KernelTestGroup.Name)]
public sealed class PolicyCommandTests
{
    private const string Trust = """
        {
          "Version": "2012-10-17",
          "Statement": [{
            "Effect": "Allow",
            "Principal": { "AWS": "arn:aws:iam::111111111111:root" },
            "Action": "sts:AssumeRole",
            "Condition": { "StringEquals": { "sts:ExternalId": "unique-external-id-12345" } }
          }]
        }
        """;

    [Fact]
    public async Task Valid_policy_is_kept_and_its_body_is_not_run_as_CSharp()
    {
        using var kernel = new TestKernel();
        var cell = await kernel.RunAsync("#!lab-policy trust-policy.json --kind trust\n" + Trust);

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Contains("no findings", cell.Html);
        Assert.Contains("kept as trust-policy.json", cell.Html);
        Assert.Equal(Trust.Replace("\r\n", "\n"), kernel.Notebook.Policies["trust-policy.json"]);
    }

    [Fact]
    public async Task File_name_without_extension_gets_json()
    {
        using var kernel = new TestKernel();
        var cell = await kernel.RunAsync("#!lab-policy --file trust-policy --kind trust\n" + Trust);

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.True(kernel.Notebook.Policies.ContainsKey("trust-policy.json"));
    }

    [Fact]
    public async Task Broken_json_fails_the_cell_with_the_finding_at_its_line()
    {
        using var kernel = new TestKernel();
        var cell = await kernel.RunAsync("#!lab-policy trust-policy.json --kind trust\n{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n}");

        Assert.False(cell.Succeeded);
        Assert.Equal("#!lab-policy: POLICY_INVALID: trust-policy.json has 1 ERROR finding; the first: 4:1 ERROR JSON_SYNTAX: The policy is not valid JSON: '}' is an invalid start of a value. (at $)", cell.Failure);
        Assert.Contains("data-line=\"4\"", cell.Html);
        Assert.Contains("not kept", cell.Html);
        Assert.False(kernel.Notebook.Policies.ContainsKey("trust-policy.json"));
    }

    [Fact]
    public async Task Warning_keeps_the_policy_and_is_shown_under_its_line()
    {
        using var kernel = new TestKernel();
        var cell = await kernel.RunAsync("#!lab-policy caller-policy.json --kind identity\n{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}");

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Contains("MISSING_VERSION", cell.Html);
        Assert.Contains("data-line=\"1\"", cell.Html);
        Assert.True(kernel.Notebook.Policies.ContainsKey("caller-policy.json"));
    }

    [Fact]
    public async Task Policy_text_is_html_encoded()
    {
        using var kernel = new TestKernel();
        var cell = await kernel.RunAsync("#!lab-policy p.json --kind identity\n{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"x\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/<script>alert(1)</script>\"}]}");

        Assert.DoesNotContain("<script>alert(1)</script>", cell.Html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", cell.Html);
    }

    [Theory]
    [InlineData("#!lab-policy trust-policy.json\n" + Trust, "#!lab-policy: USAGE: --kind is required when no scenario is started (one of identity, inline-user, inline-role, inline-group, trust, resource, scp, rcp, session, boundary).")]
    [InlineData("#!lab-policy trust-policy.json --kind truts\n" + Trust, "#!lab-policy: USAGE: --kind \"truts\" is not a policy kind; use one of identity, inline-user, inline-role, inline-group, trust, resource, scp, rcp, session, boundary.")]
    [InlineData("#!lab-policy trust-policy.json --kind trust\n   \n", "#!lab-policy: POLICY_EMPTY: The cell has no policy below \"#!lab-policy trust-policy.json\"; write the policy's JSON on the next lines.")]
    [InlineData("#!lab-policy --kind trust\n" + Trust, "#!lab-policy: USAGE: FILE (--file) is required. Run #!lab-policy --help.")]
    public async Task Bad_cells_fail_with_a_clear_message(string cellText, string message)
    {
        using var kernel = new TestKernel();
        var cell = await kernel.RunAsync(cellText);

        Assert.Equal(message, cell.Failure);
    }

    [Fact]
    public async Task Help_describes_the_command_and_runs_nothing()
    {
        using var kernel = new TestKernel();
        var cell = await kernel.RunAsync("#!lab-policy --help\n{ not json }");

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Contains("#!lab-policy [--file] FILE --kind KIND", cell.Html);
        Assert.Empty(kernel.Notebook.Policies);
    }
}
