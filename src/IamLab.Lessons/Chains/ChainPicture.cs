using System.Globalization;
using System.Text;
using IamLab.Lessons.Text;
using IamLab.World;
using IamLab.World.Sts;

namespace IamLab.Lessons.Chains;

/// <summary>
/// A session's chain as boxes and arrows: the principal that started it, one box per session (role, session name,
/// issued, expires, the limit that applied and why) joined by arrows labelled with the STS call and the trust statement
/// that allowed it, and the calls STS refused on the way (in red, with AWS's error) branching off the box they were
/// made from.
/// </summary>
/// <param name="Subject">The session (or refused session name) the picture is of.</param>
/// <param name="Boxes">The boxes: the chain first (origin, then each session), then the refused calls.</param>
/// <param name="Arrows">The arrows between boxes.</param>
/// <param name="ChainLength">How many of <paramref name="Boxes"/> form the chain itself (the rest are refused calls).</param>
/// <param name="Now">The world's time the picture was drawn at.</param>
public sealed record ChainPicture(string Subject, IReadOnlyList<ChainBox> Boxes, IReadOnlyList<ChainArrow> Arrows, int ChainLength, DateTimeOffset Now)
{
    /// <summary>
    /// The chain of the session named <paramref name="nameOrKey"/> (the newest with that session name, or that access key
    /// id), or of the last refused call for that session name; null when there is neither.
    /// </summary>
    public static ChainPicture? Of(LabWorld world, ChainLog log, string nameOrKey)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(log);
        var now = world.Time.GetUtcNow();
        var session = world.Sts.Sessions.TryGetValue(nameOrKey, out var byKey)
            ? byKey
            : world.Sts.Sessions.Values.Where(s => s.SessionName == nameOrKey).MaxBy(s => s.Start);
        var refusedNamed = log.Refused.Where(r => r.SessionName == nameOrKey).ToList();
        if (session is null && refusedNamed.Count == 0)
        {
            return null;
        }

        var last = session ?? (refusedNamed[^1].CallerKey is { } key ? world.Sts.Sessions.GetValueOrDefault(key) : null);
        var chain = new List<Session>();
        for (var s = last; s is not null; s = s.ParentAccessKeyId is { } parent ? world.Sts.Sessions.GetValueOrDefault(parent) : null)
        {
            chain.Insert(0, s);
        }

        var originArn = chain.Count > 0 ? chain[0].CallerArn : refusedNamed[^1].CallerArn;
        var boxes = new List<ChainBox> { Origin(originArn) };
        var arrows = new List<ChainArrow>();
        foreach (var hop in chain)
        {
            var record = log.Hops.GetValueOrDefault(hop.AccessKeyId);
            boxes.Add(SessionBox(world, hop, record, now));
            arrows.Add(new ChainArrow(boxes.Count - 2, boxes.Count - 1, record?.Call ?? hop.Source,
                record?.AllowedBy ?? "made outside the lesson's commands: its check was not kept"));
        }

        var chainLength = boxes.Count;
        var keys = chain.Select((s, i) => (s.AccessKeyId, Index: i + 1)).ToDictionary(x => x.AccessKeyId, x => x.Index, StringComparer.Ordinal);
        foreach (var refused in log.Refused)
        {
            int? from = refused.CallerKey is { } callerKey
                ? keys.TryGetValue(callerKey, out var index) ? index : null
                : refused.CallerArn == originArn ? 0 : null;
            if (from is null)
            {
                continue;
            }

            boxes.Add(RefusedBox(refused));
            arrows.Add(new ChainArrow(from.Value, boxes.Count - 1, refused.Call, "refused: " + refused.Code));
        }

        return new ChainPicture(nameOrKey, boxes, arrows, chainLength, now);
    }

    /// <summary>The picture as text, one line per hop (for a terminal, and for the picture's hover text).</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Boxes.Count; i++)
        {
            var into = Arrows.FirstOrDefault(a => a.To == i);
            if (into is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"  --{into.Call} ({into.Because})--> from box {into.From + 1}\n");
            }

            var box = Boxes[i];
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}. {(box.Refused ? "REFUSED " : box.Expired ? "EXPIRED " : string.Empty)}{box.Title}: {string.Join("; ", box.Lines)}\n");
        }

        return text.ToString();
    }

    private static ChainBox Origin(string arn)
    {
        var kind = arn.Contains(":user/", StringComparison.Ordinal) ? "IAM user"
            : arn.Contains(":saml-provider/", StringComparison.Ordinal) ? "SAML identity provider"
            : arn.Contains(":oidc-provider/", StringComparison.Ordinal) ? "OIDC identity provider"
            : arn.EndsWith(":root", StringComparison.Ordinal) ? "account root"
            : arn.EndsWith(".amazonaws.com", StringComparison.Ordinal) ? "AWS service"
            : "principal";
        var name = arn[(arn.LastIndexOfAny([':', '/']) + 1)..];
        return new ChainBox(name, [kind, arn]);
    }

    private static ChainBox SessionBox(LabWorld world, Session session, HopRecord? record, DateTimeOffset now)
    {
        var lasted = session.Expiration - session.Start;
        var asked = record?.RequestedSeconds is { } seconds
            ? string.Create(CultureInfo.InvariantCulture, $"DurationSeconds {seconds} asked")
            : "no DurationSeconds: the default hour";
        var maximum = world.Accounts.GetValueOrDefault(session.AccountId)?.Roles.GetValueOrDefault(session.RoleName)?.MaxSessionDuration;
        var limit = session.IsChained
            ? "limit 1 h: role chaining caps a chained session at 1 h" + (maximum is > 3600 ? $" (MaxSessionDuration {Times.Duration(TimeSpan.FromSeconds(maximum.Value))} does not count)" : string.Empty)
            : $"limit {Times.Duration(TimeSpan.FromSeconds(session.DurationCap))}: the role's MaxSessionDuration";
        var left = session.Expiration - now;
        return new ChainBox(
            session.RoleName,
            [
                "session " + session.SessionName,
                session.Arn,
                "issued " + Times.Iso(session.Start),
                "expires " + Times.Iso(session.Expiration) + (left > TimeSpan.Zero ? $" ({Times.Duration(left)} left)" : " (expired)"),
                $"lasts {Times.Duration(lasted)}: {asked}",
                limit,
            ],
            Expired: left <= TimeSpan.Zero);
    }

    private static ChainBox RefusedBox(RefusedHop refused) =>
        new(refused.RoleArn[(refused.RoleArn.LastIndexOf('/') + 1)..],
            ["session " + refused.SessionName, refused.RoleArn, "at " + Times.Iso(refused.At), refused.Code + ": " + refused.Message],
            Refused: true);
}
