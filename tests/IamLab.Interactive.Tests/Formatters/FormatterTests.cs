using IamLab.Interactive.Formatting;
using IamLab.Interactive.Tests.Extension;
using IamLab.Interactive.Views;
using IamLab.Policy.Validation;
using IamLab.World.Sts;
using Microsoft.DotNet.Interactive.Formatting;
using static IamLab.Interactive.Tests.Extension.TestWorlds;

namespace IamLab.Interactive.Tests.Formatters;

[Collection(KernelTestGroup.Name)]
public sealed class FormatterTests
{
    [Fact]
    public void Credentials_are_masked_and_count_down_to_their_expiry()
    {
        var credentials = new Credentials("ASIAEXAMPLEKEY000001", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "FwoGZXIvYXdzEXAMPLETOKENVALUE", Start.AddMinutes(15));
        var html = CredentialsHtml.Render(new CredentialsView(credentials, Start));

        Assert.Contains("ASIAEXAMPLEKEY000001", html);
        Assert.DoesNotContain("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", html);
        Assert.DoesNotContain("FwoGZXIvYXdzEXAMPLETOKENVALUE", html);
        Assert.Contains("wJal… (40 characters, hidden)", html);
        Assert.Contains("FwoG… (29 characters, hidden)", html);
        Assert.Contains("expires in 15 min 0 s", html);
        Assert.Contains("data-iamlab-expires=\"2026-01-15T12:15:00Z\"", html);
    }

    [Fact]
    public void Expired_credentials_say_so_in_red()
    {
        var html = CredentialsHtml.Render(new CredentialsView(new Credentials("ASIA1", "secretsecretsecret", "token", Start), Start.AddSeconds(1)));

        Assert.Contains(">expired<", html);
        Assert.Contains("color:#cf222e", html);
    }

    [Fact]
    public void Short_secrets_show_none_of_their_characters()
    {
        Assert.Equal("… (4 characters, hidden)", Secrets.Mask("test"));
        Assert.Equal("(none)", Secrets.Mask(null));
    }

    [Fact]
    public void Decision_of_the_world_is_formatted_as_html_when_displayed()
    {
        using var kernel = new TestKernel(CrossAccount());
        var world = kernel.Notebook.World!;
        var check = IamLab.World.Authorization.PrincipalChecks.AuthorizeAs(world, Dev, "sts:AssumeRole", CrossRole).Value;

        var html = check.ToDisplayString(HtmlFormatter.MimeType);

        Assert.Contains(">implicitDeny<", html);
        Assert.Contains("AWS would answer:", html);
        Assert.Contains("is not authorized to perform: sts:AssumeRole", html);
    }

    [Fact]
    public void Decision_html_encodes_the_request()
    {
        using var kernel = new TestKernel(CrossAccount());
        var check = IamLab.World.Authorization.PrincipalChecks.AuthorizeAs(kernel.Notebook.World!, Dev, "s3:GetObject", "arn:aws:s3:::b/<img src=x onerror=alert(1)>").Value;

        var html = DecisionHtml.Render(DecisionView.From(check));

        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
    }

    [Fact]
    public void Findings_are_listed_under_their_line_with_path_and_suggestion()
    {
        const string text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\n    \"Efect\": \"Allow\",\n    \"Action\": \"s3:GetObject\",\n    \"Resource\": \"*\"\n  }]\n}";
        var findings = PolicyValidator.Validate(text, DocumentKind.Identity).Diagnostics;
        var html = FindingsHtml.Render(new PolicyCellView("p.json", "identity", text, findings));
        var unknown = findings.First(f => f.Code == "UNKNOWN_ELEMENT");

        Assert.Equal(4, unknown.Position.Line);
        Assert.Contains("data-line=\"4\"", html);
        Assert.Contains("UNKNOWN_ELEMENT", html);
        Assert.Contains("Did you mean &quot;Effect&quot;?", html);
        Assert.Contains("(at " + System.Net.WebUtility.HtmlEncode(unknown.Path) + ")", html);
        Assert.True(html.IndexOf("Efect", StringComparison.Ordinal) < html.IndexOf("UNKNOWN_ELEMENT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Session_displayed_from_csharp_shows_its_chain()
    {
        using var kernel = new TestKernel(CrossAccount());
        Assert.True((await kernel.RunAsync($"#!lab-assume-role --role {CrossRole} --as {Dev} --external-id {ExternalId} --session-name s1")).Succeeded);
        var session = kernel.Notebook.FindSession("s1")!;

        var html = session.ToDisplayString(HtmlFormatter.MimeType);

        Assert.Contains("<b>Session chain</b>", html);
        Assert.Contains(Dev, html);
        Assert.DoesNotContain(session.SecretAccessKey, html);
    }
}
