using IamLab.Scenarios.Model;

namespace IamLab.Scenarios.Checking;

/// <summary>
/// The values of a hidden check's request that a learner could not know otherwise: every value its steps name that
/// appears nowhere in the scenario's own files (scenario.yaml, README, starter, solution) and is not in its name or hint.
/// </summary>
public static class HiddenValues
{
    private static readonly string[] Sides = ["starter", "solution"];

    /// <summary>The values of <paramref name="check"/>'s request that the visible scenario does not show.</summary>
    public static IReadOnlyList<string> Secrets(Scenario scenario, CheckSpec check)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(check);
        var visible = string.Join('\n', Visible(scenario));
        return Values(check).Distinct(StringComparer.Ordinal)
            .Where(v => v.Length >= 4 && !visible.Contains(v, StringComparison.Ordinal)
                && !check.Name.Contains(v, StringComparison.Ordinal) && !check.Hints.Any(h => h.Contains(v, StringComparison.Ordinal)))
            .ToList();
    }

    private static IEnumerable<string> Visible(Scenario scenario)
    {
        foreach (var path in new[] { scenario.Path, Path.Combine(scenario.Directory, "README.md") }
            .Concat(Sides.SelectMany(side => scenario.Files.Select(f => Path.Combine(scenario.Directory, side, f.Name)))))
        {
            if (File.Exists(path))
            {
                yield return File.ReadAllText(path);
            }
        }
    }

    private static IEnumerable<string> Values(CheckSpec check)
    {
        foreach (var step in check.Steps)
        {
            if (step.As is not null)
            {
                yield return step.As;
            }

            if (step.Request is { } request)
            {
                yield return request.Action;
                yield return request.Resource;
                foreach (var value in request.Context.Values.SelectMany(v => v))
                {
                    yield return value;
                }
            }

            if (step.AssumeRole is { } assume)
            {
                yield return assume.RoleArn;
                yield return assume.RoleSessionName;
                foreach (var value in new[] { assume.ExternalId, assume.SourceIdentity, assume.Policy?.Json }.OfType<string>())
                {
                    yield return value;
                }

                foreach (var value in assume.Tags.Values.Concat(assume.Context.Values.SelectMany(v => v)))
                {
                    yield return value;
                }
            }

            if (step.AssumeRoleWithWebIdentity is { } web)
            {
                yield return web.RoleArn;
                yield return web.RoleSessionName;
                yield return web.Repository;
                yield return web.Ref;
                if (web.Environment is not null)
                {
                    yield return web.Environment;
                }
            }

            if (step.AssumeRoleWithSaml is { } saml)
            {
                yield return saml.RoleArn;
                yield return saml.NameId;
                foreach (var value in saml.PrincipalTags.Values)
                {
                    yield return value;
                }
            }

            if (step.LambdaFunction is { } lambda)
            {
                yield return lambda.Name;
            }

            if (step.Ec2Instance is { } ec2)
            {
                yield return ec2.InstanceProfile;
            }
        }
    }
}
