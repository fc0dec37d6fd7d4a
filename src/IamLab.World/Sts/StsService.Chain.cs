namespace IamLab.World.Sts;

public sealed partial class StsService
{
    /// <summary>
    /// The chain that led to a session, origin first: the user (or service, or identity provider) and then each
    /// role session, with start, expiry, duration cap and the policy layers of each hop.
    /// </summary>
    public IReadOnlyList<ChainHop> Chain(string accessKeyId)
    {
        var hops = new List<ChainHop>();
        var key = accessKeyId;
        Session? last = null;
        while (key is not null && world.Data.Sessions.TryGetValue(key, out var session))
        {
            hops.Insert(0, new ChainHop(session.Arn, session.Source, session.Start, session.Expiration, session.DurationCap, Layers(session)));
            last = session;
            key = session.ParentAccessKeyId;
        }

        if (last is not null)
        {
            var origin = world.Data.Accounts.Values.SelectMany(a => a.Users.Values).FirstOrDefault(u => u.Arn == last.CallerArn);
            var layers = origin is null ? new List<string>() : Layers(origin.AttachedPolicyArns, origin.InlinePolicies.Keys, origin.PermissionsBoundaryArn);
            hops.Insert(0, new ChainHop(last.CallerArn, origin is null ? "principal" : "user", null, null, null, layers));
        }

        return hops;
    }

    private List<string> Layers(Session session)
    {
        var account = world.Data.Accounts[session.AccountId];
        var layers = account.Roles.TryGetValue(session.RoleName, out var role)
            ? Layers(role.AttachedPolicyArns, role.InlinePolicies.Keys, role.PermissionsBoundaryArn)
            : [];
        if (session.InlineSessionPolicy is not null)
        {
            layers.Add("session policy (inline)");
        }

        layers.AddRange(session.SessionPolicyArns.Select(a => $"session policy {a}"));
        return layers;
    }

    private static List<string> Layers(IEnumerable<string> managed, IEnumerable<string> inline, string? boundary)
    {
        var layers = managed.Select(a => $"managed {a}").ToList();
        layers.AddRange(inline.Select(n => $"inline {n}"));
        if (boundary is not null)
        {
            layers.Add($"boundary {boundary}");
        }

        return layers;
    }
}
