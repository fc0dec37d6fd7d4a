using IamLab.Lessons.Commands;
using static IamLab.Interactive.Tests.Extension.TestWorlds;

namespace IamLab.Interactive.Tests.Extension;

[Collection(KernelTestGroup.Name)]
public sealed class LabRequireSessionTests
{
    [Fact]
    public async Task RequireSession_GivesTheSession_OrSaysWhichSessionsThereAre()
    {
        using var kernel = new TestKernel(CrossAccount());
        var none = Assert.Throws<LabCommandException>(() => Lab.RequireSession("s1"));
        Assert.Equal(ErrorCodes.UnknownSession, none.Code);
        Assert.Equal("Lab.RequireSession: UNKNOWN_SESSION: No session \"s1\": no session has been made yet (run #!lab-assume-role, #!lab-saml or #!lab-github-oidc first).", none.Message);

        var cell = await kernel.RunAsync($"#!lab-assume-role --role {CrossRole} --as {Dev} --external-id {ExternalId} --session-name s1 --expect allowed");
        Assert.True(cell.Succeeded, cell.Failure);

        Assert.Same(kernel.Notebook.FindSession("s1"), Lab.RequireSession("s1"));
        Assert.StartsWith("Lab.RequireSession: UNKNOWN_SESSION: No session \"s2\"", Assert.Throws<LabCommandException>(() => Lab.RequireSession("s2")).Message);
    }
}
