using IamLab.Policy.Evaluation;
using IamLab.World.Errors;

namespace IamLab.World.Sts;

/// <summary>
/// The tags of a new session: the transitive tags inherited from the parent session (which cannot be
/// overridden) and the tags passed in the request.
/// </summary>
internal sealed record SessionTags(List<Tag> Tags, List<string> TransitiveKeys)
{
    public static SessionTags None => new([], []);

    public static IamResult<SessionTags> Merge(Session? parent, IReadOnlyList<Tag> requested, IReadOnlyList<string> transitiveKeys)
    {
        var tags = new List<Tag>();
        var transitive = new List<string>();
        if (parent is not null)
        {
            foreach (var tag in parent.Tags.Where(t => parent.TransitiveTagKeys.Contains(t.Key, StringComparer.OrdinalIgnoreCase)))
            {
                tags.Add(tag);
                transitive.Add(tag.Key);
            }
        }

        foreach (var tag in requested)
        {
            if (tags.Any(t => t.Key.Equals(tag.Key, StringComparison.OrdinalIgnoreCase)))
            {
                // AWS documents that an inherited transitive tag cannot be overridden in a chained AssumeRole (IAM User
                // Guide, "Chaining roles with session tags"), but not the error it returns; code and text are the lab's.
                return new IamError("InvalidParameterValue", $"The session tag {tag.Key} is a transitive tag of the calling session and cannot be changed.", 400);
            }

            tags.Add(tag);
        }

        foreach (var key in transitiveKeys)
        {
            if (!requested.Any(t => t.Key.Equals(key, StringComparison.OrdinalIgnoreCase)))
            {
                return new IamError("InvalidParameterValue", $"The transitive tag key {key} is not among the session tags.", 400);
            }

            transitive.Add(key);
        }

        return new SessionTags(tags, transitive);
    }

    public static void AddRequestKeys(RequestContext context, IReadOnlyList<Tag> tags, IReadOnlyList<string> transitiveKeys)
    {
        foreach (var tag in tags)
        {
            context.Set($"aws:RequestTag/{tag.Key}", tag.Value);
        }

        if (tags.Count > 0)
        {
            context.Set("aws:TagKeys", tags.Select(t => t.Key).ToArray());
        }

        if (transitiveKeys.Count > 0)
        {
            context.Set("sts:TransitiveTagKeys", transitiveKeys.ToArray());
        }
    }
}
