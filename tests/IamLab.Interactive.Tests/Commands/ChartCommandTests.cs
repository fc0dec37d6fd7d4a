using IamLab.Lessons.Charts;
using IamLab.Interactive.Tests.Extension;
using static IamLab.Interactive.Tests.Extension.TestWorlds;

namespace IamLab.Interactive.Tests.Commands;

[Collection(KernelTestGroup.Name)]
public sealed class ChartCommandTests
{
    [Fact]
    public async Task Timeline_draws_each_session_and_the_chaining_cap_with_plotly_inlined_once()
    {
        using var kernel = new TestKernel(CrossAccount());
        Assert.True((await kernel.RunAsync($"#!lab-assume-role --role {CrossRole} --as {Dev} --external-id {ExternalId} --session-name s1")).Succeeded);
        Assert.True((await kernel.RunAsync($"#!lab-assume-role --role {ReadOnlyRole} --from s1 --session-name s2")).Succeeded);

        var first = await kernel.RunAsync("#!lab-timeline");
        var second = await kernel.RunAsync("#!lab-timeline s2");

        Assert.True(first.Succeeded, first.Failure);
        Assert.Contains($"data-iamlab-plotly=\"{PlotlyScript.Version}\"", first.Html);
        Assert.Contains("plotly.js v" + PlotlyScript.Version, first.Html);
        Assert.Contains("CrossAccountS3Access/s1", first.Html);
        Assert.Contains("ReadOnly/s2", first.Html);
        Assert.Contains(SessionTimelineChart.ChainingCapName, first.Html);
        Assert.Contains("\"x0\":\"2026-01-15T13:00:00Z\"", first.Html);
        Assert.True(second.Succeeded, second.Failure);
        Assert.DoesNotContain("data-iamlab-plotly", second.Html);
        Assert.Contains("window.Plotly.newPlot", second.Html);
        Assert.Contains("ReadOnly/s2", second.Html);
    }

    [Fact]
    public async Task Timeline_without_sessions_says_what_to_run()
    {
        using var kernel = new TestKernel(CrossAccount());
        var cell = await kernel.RunAsync("#!lab-timeline");

        Assert.Equal("#!lab-timeline: USAGE: There is no session to draw yet: run #!lab-assume-role, #!lab-saml or #!lab-github-oidc first.", cell.Failure);
    }

    [Fact]
    public async Task Access_graph_shows_nodes_and_conditional_edges_with_their_conditions()
    {
        using var kernel = new TestKernel(Federated());
        var cell = await kernel.RunAsync("#!lab-access-graph");

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Contains("role CrossAccountS3Access", cell.Html);
        Assert.Contains("user dev", cell.Html);
        Assert.Contains("SAML MyCompanySSO", cell.Html);
        Assert.Contains("may assume if the conditions hold", cell.Html);
        Assert.Contains("StringEquals sts:ExternalId = unique-external-id-12345", cell.Html);
    }

    [Fact]
    public async Task Access_graph_of_an_unknown_account_is_refused()
    {
        using var kernel = new TestKernel(CrossAccount());
        var cell = await kernel.RunAsync("#!lab-access-graph 222222222222");

        Assert.Equal("#!lab-access-graph: USAGE: --account 222222222222 is not in this world; the accounts are: 111111111111, 999999999999.", cell.Failure);
    }

    [Fact]
    public async Task Matrix_colours_each_principal_and_action()
    {
        using var kernel = new TestKernel(CrossAccount());
        var cell = await kernel.RunAsync($"#!lab-matrix s3:GetObject,s3:PutObject --resource arn:aws:s3:::shared-data-999/private/payroll.csv --principals {Dev},{CrossRole}");

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Contains("\"z\":[[0,0],[-1,-1]]", cell.Html);
        Assert.Contains("\"explicitDeny\"", cell.Html);
        Assert.Contains("\"implicitDeny\"", cell.Html);
    }

    [Fact]
    public async Task Matrix_rows_may_be_sessions_made_in_the_notebook()
    {
        using var kernel = new TestKernel(CrossAccount());
        Assert.True((await kernel.RunAsync($"#!lab-assume-role --role {CrossRole} --as {Dev} --external-id {ExternalId} --session-name dev.session")).Succeeded);
        var cell = await kernel.RunAsync("#!lab-matrix s3:GetObject,s3:DeleteObject --resource arn:aws:s3:::shared-data-999/public/a.csv --principals dev.session");

        Assert.True(cell.Succeeded, cell.Failure);
        Assert.Contains("\"z\":[[1,0]]", cell.Html);
        Assert.Contains("assumed-role/CrossAccountS3Access/dev.session", cell.Html);
    }

    [Theory]
    [InlineData("#!lab-matrix --resource arn:aws:s3:::b/k", "#!lab-matrix: USAGE: --actions is required. Run #!lab-matrix --help.")]
    [InlineData("#!lab-matrix s3:GetObject", "#!lab-matrix: USAGE: --resource is required. Run #!lab-matrix --help.")]
    [InlineData("#!lab-matrix s3:GetObject --resource arn:aws:s3:::b/k --principals ghost", "#!lab-matrix: UNKNOWN_SESSION: No session \"ghost\": no session has been made yet (run #!lab-assume-role, #!lab-saml or #!lab-github-oidc first).")]
    public async Task Matrix_bad_arguments_fail_with_a_clear_message(string code, string message)
    {
        using var kernel = new TestKernel(CrossAccount());
        var cell = await kernel.RunAsync(code);

        Assert.Equal(message, cell.Failure);
    }
}
