namespace IamLab.Scenarios.Mutation;

/// <summary>
/// An Allow's Action or Resource widened: a trailing <c>*</c> (<c>arn:aws:s3:::my-bucket*</c>; for an action, the verb
/// and <c>*</c>: <c>s3:GetObject</c> → <c>s3:Get*</c>), or the whole value replaced by <c>"*"</c>.
/// </summary>
internal sealed class WildcardWidening : IMutationOperator
{
    private static readonly string[] Elements = ["Action", "Resource"];

    public IEnumerable<PolicyMutation> Mutate(PolicyDocument document)
    {
        foreach (var (statement, index, path) in document.Statements().Where(s => PolicyDocument.IsAllow(s.Statement)))
        {
            foreach (var element in Elements)
            {
                foreach (var (item, value) in PolicyDocument.Values(statement[element]))
                {
                    var site = PolicyDocument.ItemPath($"{path}.{element}", item);
                    var widened = element == "Action" ? ActionPrefix(value) : value.EndsWith('*') ? null : value + "*";
                    if (widened is not null && widened != value)
                    {
                        yield return new PolicyMutation(site, MutationOperators.WildcardEnd, $"{element} \"{value}\" → \"{widened}\"",
                            document.With(index, s => PolicyDocument.SetValue(s, element, item, widened)));
                    }

                    if (value != "*")
                    {
                        yield return new PolicyMutation(site, MutationOperators.Star, $"{element} \"{value}\" → \"*\"",
                            document.With(index, s => PolicyDocument.SetValue(s, element, item, "*")));
                    }
                }
            }
        }
    }

    // s3:GetObject → s3:Get*: the verb a learner keeps when they "allow all the gets".
    internal static string? ActionPrefix(string action)
    {
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || action.Contains('*', StringComparison.Ordinal) || action.Contains('?', StringComparison.Ordinal))
        {
            return null;
        }

        var name = action[(colon + 1)..];
        var verb = 1;
        while (verb < name.Length && !char.IsUpper(name[verb]))
        {
            verb++;
        }

        return verb >= name.Length ? null : $"{action[..(colon + 1)]}{name[..verb]}*";
    }
}
