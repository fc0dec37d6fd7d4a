using System.Text;

namespace IamLab.Policy.Matching;

/// <summary>
/// A value holding policy variables: <c>${aws:username}</c>, <c>${aws:PrincipalTag/team}</c>, a variable
/// with a default (<c>${aws:username, 'guest'}</c>), and the escapes <c>${*}</c>, <c>${?}</c> and <c>${$}</c>
/// that write a literal <c>*</c>, <c>?</c> or <c>$</c>.
/// </summary>
public sealed class PolicyTemplate
{
    private readonly Part[] parts;

    private PolicyTemplate(Part[] parts) => this.parts = parts;

    /// <summary>The names of the context keys the template reads.</summary>
    public IEnumerable<string> Keys => parts.Where(p => p.Kind == PartKind.Variable).Select(p => p.Text);

    /// <summary>
    /// Parses a value. A <c>${</c> with no closing brace, or with an empty name, stays literal text.
    /// </summary>
    public static PolicyTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<Part>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("${", i, StringComparison.Ordinal);
            var close = open < 0 ? -1 : text.IndexOf('}', open + 2);
            if (open < 0 || close < 0)
            {
                literal.Append(text, i, text.Length - i);
                break;
            }

            literal.Append(text, i, open - i);
            var inner = text[(open + 2)..close];
            i = close + 1;
            switch (inner)
            {
                case "*":
                    literal.Append(Wildcard.LiteralStar);
                    continue;
                case "?":
                    literal.Append(Wildcard.LiteralQuestion);
                    continue;
                case "$":
                    literal.Append(Wildcard.LiteralDollar);
                    continue;
            }

            var (name, fallback) = SplitDefault(inner);
            if (name.Length == 0)
            {
                literal.Append("${").Append(inner).Append('}');
                continue;
            }

            Flush(parts, literal);
            parts.Add(new Part(PartKind.Variable, name, fallback));
        }

        Flush(parts, literal);
        return new PolicyTemplate([.. parts]);
    }

    /// <summary>
    /// Replaces the variables with the request's values. The result keeps literal <c>*</c>, <c>?</c> and
    /// <c>$</c> (from escapes and from substituted values) as the <see cref="Wildcard"/> stand-ins, so a
    /// pattern matcher never reads them as wildcards. Returns null when a variable has no value and no default.
    /// </summary>
    public string? ResolveAsPattern(IContextValues context, out string? missingKey)
    {
        ArgumentNullException.ThrowIfNull(context);
        missingKey = null;
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Kind == PartKind.Literal)
            {
                builder.Append(part.Text);
                continue;
            }

            var values = context.Lookup(part.Text);
            var value = values is { Count: 1 } ? values[0] : part.Default;
            if (value is null)
            {
                missingKey = part.Text;
                return null;
            }

            foreach (var c in value)
            {
                builder.Append(c switch { '*' => Wildcard.LiteralStar, '?' => Wildcard.LiteralQuestion, '$' => Wildcard.LiteralDollar, _ => c });
            }
        }

        return builder.ToString();
    }

    /// <summary>Replaces the variables and returns plain text (for exact comparisons), or null as above.</summary>
    public string? ResolveAsText(IContextValues context, out string? missingKey) =>
        ResolveAsPattern(context, out missingKey) is { } pattern ? ToPlainText(pattern) : null;

    /// <summary>Turns the literal stand-ins of a resolved pattern back into the characters they stand for.</summary>
    public static string ToPlainText(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return pattern.Replace(Wildcard.LiteralStar, '*').Replace(Wildcard.LiteralQuestion, '?').Replace(Wildcard.LiteralDollar, '$');
    }

    private static (string Name, string? Default) SplitDefault(string inner)
    {
        var comma = inner.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return (inner.Trim(), null);
        }

        var name = inner[..comma].Trim();
        var rest = inner[(comma + 1)..].Trim();
        if (rest.Length >= 2 && rest[0] == '\'' && rest[^1] == '\'')
        {
            return (name, rest[1..^1]);
        }

        return (name, rest);
    }

    private static void Flush(List<Part> parts, StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            parts.Add(new Part(PartKind.Literal, literal.ToString(), null));
            literal.Clear();
        }
    }

    private enum PartKind
    {
        Literal,
        Variable,
    }

    private readonly record struct Part(PartKind Kind, string Text, string? Default);
}
