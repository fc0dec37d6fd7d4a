using System.Xml;
using IamLab.Endpoint.Hosting;
using IamLab.Endpoint.Protocol;
using IamLab.World;
using IamLab.World.Errors;
using IamLab.World.Iam;

namespace IamLab.Endpoint.Iam;

/// <summary>
/// One IAM Query call being served: the parameters, the caller's account (IAM acts in the caller's own account),
/// authorization by the engine and the response envelope.
/// </summary>
internal sealed class IamRequest
{
    public IamRequest(AwsCall awsCall, QueryInput input)
    {
        Call = awsCall;
        Input = input;
    }

    public AwsCall Call { get; }

    public QueryInput Input { get; }

    /// <summary>The caller's account: IAM operations act there.</summary>
    public string Account => Call.Identity!.Account;

    /// <summary>The world's lock; hold it around every use of <see cref="Iam"/>.</summary>
    public Lock Gate => Call.State.WorldGate;

    /// <summary>IAM in the caller's account. Use under <see cref="Gate"/>.</summary>
    public IamService Iam => Call.World.Iam(Account);

    /// <summary>An IAM ARN in the caller's account: <c>arn:aws:iam::ACCOUNT:TYPE/PATH/NAME</c>.</summary>
    public string Arn(string type, string path, string name) => $"arn:aws:iam::{Account}:{type}{NormalPath(path)}{name}";

    /// <summary>The ARN of a role by name: its real ARN (with path) when it exists, else with the root path.</summary>
    public string RoleArn(string roleName)
    {
        lock (Gate)
        {
            return Iam.Account.Roles.TryGetValue(roleName, out var role) ? role.Arn : Arn("role", "/", roleName);
        }
    }

    /// <summary>The ARN of a user by name: its real ARN (with path) when it exists, else with the root path.</summary>
    public string UserArn(string userName)
    {
        lock (Gate)
        {
            return Iam.Account.Users.TryGetValue(userName, out var user) ? user.Arn : Arn("user", "/", userName);
        }
    }

    /// <summary>Asks the engine whether the caller may do <paramref name="action"/> on <paramref name="resource"/>.</summary>
    public AwsError? Authorize(string action, string resource, IReadOnlyDictionary<string, IReadOnlyList<string>>? context = null) =>
        Call.Authorize(action, resource, context);

    /// <summary>
    /// Authorizes the creation of a user or role: the create action with the request's tags and permissions boundary
    /// as condition keys, and the tagging action too when tags are given (AWS asks for both).
    /// </summary>
    public AwsError? AuthorizeCreate(string createAction, string tagAction, string resource, IReadOnlyList<Tag> tags, string? boundary)
    {
        var context = TagContext(tags);
        if (boundary is not null)
        {
            context["iam:PermissionsBoundary"] = [boundary];
        }

        return Authorize(createAction, resource, context)
            ?? (tags.Count > 0 ? Authorize(tagAction, resource, context) : null);
    }

    /// <summary>
    /// The usual IAM call: the request's first input error, else the engine's denial of <paramref name="permission"/> on
    /// the resource, else <see cref="Answer{T}"/>. <paramref name="resource"/> is only worked out once the input is valid.
    /// </summary>
    public QueryOutcome Serve<T>(string action, string permission, Func<string> resource, Func<IamService, IamResult<T>> operation,
        Action<XmlWriter, T>? write, bool changed, IReadOnlyDictionary<string, IReadOnlyList<string>>? context = null) =>
        Refusal(permission, resource, context) ?? Answer(action, operation, write, changed);

    /// <summary>The request's first input error, else the engine's denial of <paramref name="permission"/>; null when the call may go on.</summary>
    public AwsError? Refusal(string permission, Func<string> resource, IReadOnlyDictionary<string, IReadOnlyList<string>>? context = null) =>
        Input.Error ?? Authorize(permission, resource(), context);

    /// <summary>
    /// Runs <paramref name="operation"/> under the world's lock and answers with its value written by
    /// <paramref name="write"/> (no result element when null), or with its error as AWS returns it.
    /// </summary>
    public QueryOutcome Answer<T>(string action, Func<IamService, IamResult<T>> operation, Action<XmlWriter, T>? write, bool changed)
    {
        lock (Gate)
        {
            var result = operation(Iam);
            if (!result.IsSuccess)
            {
                return result.Error!.ToAwsError();
            }

            var value = result.Value;
            return Respond(action, write is null ? null : w => write(w, value), changed);
        }
    }

    /// <summary>The Query response envelope in IAM's namespace.</summary>
    public QueryOutcome Respond(string action, Action<XmlWriter>? result, bool changed) =>
        QueryOutcome.Success(AwsXml.QueryResponse(action, AwsXmlNamespaces.Iam, Call.RequestId, result), changed);

    /// <summary>The <c>Tags.member.N.Key/Value</c> list.</summary>
    public List<Tag> Tags() =>
        [.. Input.Structs("Tags").Select(t => new Tag(t.GetValueOrDefault("Key") ?? string.Empty, t.GetValueOrDefault("Value") ?? string.Empty))];

    /// <summary>The condition keys a tagging request carries: <c>aws:RequestTag/KEY</c> and <c>aws:TagKeys</c>.</summary>
    public static Dictionary<string, IReadOnlyList<string>> TagContext(IReadOnlyList<Tag> tags)
    {
        var context = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (tags.Count == 0)
        {
            return context;
        }

        foreach (var tag in tags)
        {
            context[$"aws:RequestTag/{tag.Key}"] = [tag.Value];
        }

        context["aws:TagKeys"] = [.. tags.Select(t => t.Key)];
        return context;
    }

    private static string NormalPath(string path) => path.Length == 0 ? "/" : path;
}
