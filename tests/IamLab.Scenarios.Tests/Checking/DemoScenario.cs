namespace IamLab.Scenarios.Tests.Checking;

/// <summary>
/// A small, sound scenario written into a scratch scenarios folder: README with a task, starter, solution, hidden
/// example checks quoting the task, four wrong and two right answers, and its one equivalent mutant declared. Tests
/// break one thing at a time and see <c>iamlab check</c> name it.
/// </summary>
internal static class DemoScenario
{
    public const string Id = "demo";

    public const string Task = "Only account 111111111111 may assume the role R, and only with sts:AssumeRole.";

    public static string Yaml => """
        id: demo
        title: Demo
        order: 10
        minutes: 5
        files:
          - name: trust-policy.json
            kind: trust
        equivalentMutants:
          - id: "trust-policy.json $.Statement[0].Action wildcard-end"
            reason: An AWS principal cannot call AssumeRoleWithSAML or AssumeRoleWithWebIdentity, the other sts:Assume* actions.
        world:
          accounts: ["111111111111", "222222222222", "333333333333"]
          roles:
            - arn: arn:aws:iam::111111111111:role/R
              trust: { file: trust-policy.json }
        checks:
          - name: works
            weight: 2
            hint: Trust 111111111111.
            request: { principal: "arn:aws:iam::111111111111:root", action: sts:AssumeRole, resource: "arn:aws:iam::111111111111:role/R" }
            expect: allowed
          - name: others-refused
            weight: 2
            hint: [Only one account., A trust names its principals., Trust arn:aws:iam::111111111111:root only.]
            requires: [works]
            request: { principal: "arn:aws:iam::222222222222:root", action: sts:AssumeRole, resource: "arn:aws:iam::111111111111:role/R" }
            expect: denied
          - name: tag-session-refused
            weight: 1
            hint: Allow sts:AssumeRole only.
            requires: [works]
            request: { principal: "arn:aws:iam::111111111111:root", action: sts:TagSession, resource: "arn:aws:iam::111111111111:role/R" }
            expect: denied
        """;

    public static string Trust(string principal, string action = "\"sts:AssumeRole\"") =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":{{principal}}},"Action":{{action}}}]}""";

    /// <summary>A scenarios folder holding the demo scenario; returns the scenarios folder.</summary>
    public static string Write()
    {
        // Not Repo.Scratch(): this file is shared with IamLab.Cli.Tests (linked there), which has its own Repo.
        var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"iamlab-tests-{Guid.NewGuid():N}")).FullName;
        var folder = Path.Combine(root, Id);
        Put(folder, "scenario.yaml", Yaml);
        Put(folder, "README.md", $"# Demo\n\n## Your task\n\nWrite trust-policy.json.\n{Task}\n\n## Next\n\nNothing.\n");
        Put(folder, "starter/trust-policy.json", Trust("\"arn:aws:iam::333333333333:root\""));
        Put(folder, "solution/trust-policy.json", Trust("\"arn:aws:iam::111111111111:root\""));
        Put(folder, "solution/NOTES.md", "Trust the account root of 111111111111 with sts:AssumeRole.\n");
        Wrong(folder, "second-account", Trust("[\"arn:aws:iam::111111111111:root\",\"arn:aws:iam::222222222222:root\"]"), "others-refused");
        Wrong(folder, "anyone", Trust("\"*\""), "others-refused");
        Wrong(folder, "every-action", Trust("\"arn:aws:iam::111111111111:root\"", "\"*\""), "tag-session-refused");
        Wrong(folder, "wrong-account", Trust("\"arn:aws:iam::333333333333:root\""), "works");
        Right(folder, "account-id", Trust("\"111111111111\""));
        Right(folder, "action-list", Trust("[\"arn:aws:iam::111111111111:root\"]", "[\"sts:AssumeRole\"]"));
        Put(root, "hidden-example/demo/checks.yaml", $$"""
            checks:
              - name: third-account-refused
                hint: Only one account.
                tests: "{{Task}}"
                requires: [works]
                request: { principal: "arn:aws:iam::333333333333:root", action: sts:AssumeRole, resource: "arn:aws:iam::111111111111:role/R" }
                expect: denied
            """);
        return root;
    }

    public static void Wrong(string folder, string name, string trust, string caughtBy)
    {
        Put(folder, $"answers/wrong/{name}/trust-policy.json", trust);
        Put(folder, $"answers/wrong/{name}/mistake.md", $"The mistake called {name}.\nCaught by: {caughtBy}\n");
    }

    public static void Right(string folder, string name, string trust)
    {
        Put(folder, $"answers/right/{name}/trust-policy.json", trust);
        Put(folder, $"answers/right/{name}/why-right.md", $"Written as {name}; the same access.\n");
    }

    public static void Put(string folder, string relative, string text)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
