using System.Text;
using System.Text.Json;
using IamLab.Policy.Evaluation;
using IamLab.Policy.Model;

namespace IamLab.Policy.Cases;

/// <summary>
/// Reads one line of a JSON Lines case file straight from its UTF-8 bytes, without building a positioned tree,
/// taking each policy from a <see cref="PolicyCache"/>. Anything out of the ordinary (a syntax error, an unknown
/// key, a wrong type, a policy with any finding, a contradicted <c>resourceAccount</c>) sends the line to
/// <see cref="CaseReader.ReadOne"/>, which reads it again with positions: the result, findings included, is the
/// same either way, and only lines that have something to report pay for line and column numbers.
/// </summary>
public sealed class CaseLineReader(PolicyCache cache)
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = Json.SourceReader.MaxDepth, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Reads the case on line <paramref name="number"/> (one-based).</summary>
    public EvalCase Read(ReadOnlySpan<byte> line, int number)
    {
        try
        {
            if (TryReadFast(line, number) is { } fast)
            {
                return fast;
            }
        }
        catch (JsonException)
        {
            // Reported with its position by the full reader below.
        }

        return CaseReader.ReadOne(Encoding.UTF8.GetString(line), number);
    }

    private EvalCase? TryReadFast(ReadOnlySpan<byte> line, int number)
    {
        var reader = new Utf8JsonReader(line, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? name = null;
        AuthorizationRequest? request = null;
        Decision? expected = null;
        var expectsRefusal = false;
        List<PolicyDocument>? identity = null;
        PolicyDocument? resourcePolicy = null, boundary = null, session = null;
        List<IReadOnlyList<PolicyDocument>>? scps = null, rcps = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.ValueSpan;
            if (reader.ValueIsEscaped || !reader.Read())
            {
                return null;
            }

            var ok = true;
            if (key.SequenceEqual("name"u8))
            {
                ok = reader.TokenType == JsonTokenType.String;
                name = ok ? reader.GetString() : null;
            }
            else if (key.SequenceEqual("request"u8))
            {
                request = ReadRequest(ref reader);
                ok = request is not null;
            }
            else if (key.SequenceEqual("identityPolicies"u8))
            {
                identity = Policies(ref reader, line);
                ok = identity is not null;
            }
            else if (key.SequenceEqual("resourcePolicy"u8))
            {
                ok = (resourcePolicy = Policy(ref reader, line)) is not null;
            }
            else if (key.SequenceEqual("permissionsBoundary"u8))
            {
                ok = (boundary = Policy(ref reader, line)) is not null;
            }
            else if (key.SequenceEqual("sessionPolicy"u8))
            {
                ok = (session = Policy(ref reader, line)) is not null;
            }
            else if (key.SequenceEqual("serviceControlPolicies"u8))
            {
                ok = (scps = Levels(ref reader, line)) is not null;
            }
            else if (key.SequenceEqual("resourceControlPolicies"u8))
            {
                ok = (rcps = Levels(ref reader, line)) is not null;
            }
            else if (key.SequenceEqual("expected"u8))
            {
                var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                expectsRefusal = text == "refused";
                ok = expectsRefusal || DecisionNames.TryParse(text, out var parsed) && (expected = parsed) is not null;
            }
            else if (key.SequenceEqual("doc"u8) || key.SequenceEqual("comment"u8))
            {
                reader.Skip();
            }
            else
            {
                ok = false;
            }

            if (!ok)
            {
                return null;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || request is null)
        {
            return null;
        }

        var policies = new PolicySet
        {
            IdentityPolicies = identity ?? [],
            ResourcePolicy = resourcePolicy,
            PermissionsBoundary = boundary,
            SessionPolicies = session is null ? null : [session],
            ServiceControlPolicies = scps,
            ResourceControlPolicies = rcps,
        };
        return new EvalCase(name ?? $"case {number}", request, policies, expected, []) { ExpectsRefusal = expectsRefusal };
    }

    private static AuthorizationRequest? ReadRequest(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? principal = null, action = null, resource = null, resourceAccount = null;
        RequestContext? context = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.ValueSpan;
            if (reader.ValueIsEscaped || !reader.Read())
            {
                return null;
            }

            if (key.SequenceEqual("context"u8))
            {
                context = ReadContext(ref reader);
                if (context is null)
                {
                    return null;
                }

                continue;
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                return null;
            }

            var value = reader.GetString()!;
            if (key.SequenceEqual("principal"u8))
            {
                principal = value;
            }
            else if (key.SequenceEqual("action"u8))
            {
                action = value;
            }
            else if (key.SequenceEqual("resource"u8))
            {
                resource = value;
            }
            else if (key.SequenceEqual("resourceAccount"u8))
            {
                resourceAccount = value;
            }
            else
            {
                return null;
            }
        }

        if (principal is null || action is null || resource is null)
        {
            return null;
        }

        // A resourceAccount that contradicts the ARN earns a warning, which only the full reader can place.
        if (resourceAccount is not null && CaseReader.ArnAccount(resource) is { } inArn && inArn != resourceAccount)
        {
            return null;
        }

        return new AuthorizationRequest(principal, action, resource, context, resourceAccount);
    }

    private static RequestContext? ReadContext(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var context = new RequestContext();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            if (!reader.Read())
            {
                return null;
            }

            if (Scalar(ref reader) is { } single)
            {
                context.Set(key, single);
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            var values = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (Scalar(ref reader) is not { } item)
                {
                    return null;
                }

                values.Add(item);
            }

            context.Set(key, [.. values]);
        }

        return context;
    }

    /// <summary>A scalar as a condition value sees it (numbers as written, booleans as true/false), as the full reader does.</summary>
    private static string? Scalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => null,
    };

    private PolicyDocument? Policy(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return cache.Get(line[start..(int)reader.BytesConsumed]);
    }

    private List<PolicyDocument>? Policies(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        var list = new List<PolicyDocument>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (Policy(ref reader, line) is not { } policy)
            {
                return null;
            }

            list.Add(policy);
        }

        return list;
    }

    private List<IReadOnlyList<PolicyDocument>>? Levels(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        var levels = new List<IReadOnlyList<PolicyDocument>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (Policies(ref reader, line) is not { } level)
            {
                return null;
            }

            levels.Add(level);
        }

        return levels;
    }
}
