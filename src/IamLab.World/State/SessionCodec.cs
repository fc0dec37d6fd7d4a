using IamLab.World.Iam;
using IamLab.World.Sts;

namespace IamLab.World.State;

/// <summary>
/// A session as a store record, in binary: a million sessions must load in seconds, and JSON would take several times
/// longer to read. Every property of <see cref="Session"/> is written; a test compares a world's JSON document before
/// and after a trip through the store, so a property added to <see cref="Session"/> and forgotten here fails it.
/// </summary>
internal static class SessionCodec
{
    // The layout's version, first byte of every session record: a reader refuses a layout it does not know.
    private const byte Layout = 1;

    public static void Write(RecordWriter writer, Session session)
    {
        writer.WriteByte(Layout);
        writer.WriteString(session.AccessKeyId);
        writer.WriteString(session.SecretAccessKey);
        writer.WriteString(session.SessionToken);
        writer.WriteTime(session.Start);
        writer.WriteTime(session.Expiration);
        writer.WriteVarint(session.DurationCap);
        writer.WriteString(session.Source);
        writer.WriteString(session.AccountId);
        writer.WriteString(session.RoleName);
        writer.WriteString(session.RoleArn);
        writer.WriteString(session.SessionName);
        writer.WriteString(session.Arn);
        writer.WriteString(session.AssumedRoleId);
        writer.WriteString(session.CallerArn);
        writer.WriteNullable(session.ParentAccessKeyId);
        writer.WriteNullable(session.InlineSessionPolicy?.Json);
        writer.WriteNullable(session.SourceIdentity);
        // The Saved* views never make the collections a session was issued without (reading Tags would).
        var policies = session.SavedSessionPolicyArns;
        writer.WriteVarint(policies.Count);
        foreach (var arn in policies)
        {
            writer.WriteString(arn);
        }

        var tags = session.SavedTags;
        writer.WriteVarint(tags.Count);
        foreach (var tag in tags)
        {
            writer.WriteString(tag.Key);
            writer.WriteString(tag.Value);
        }

        var transitive = session.SavedTransitiveTagKeys;
        writer.WriteVarint(transitive.Count);
        foreach (var key in transitive)
        {
            writer.WriteString(key);
        }

        var claims = session.SavedClaims;
        writer.WriteVarint(claims.Count);
        foreach (var (key, values) in claims)
        {
            writer.WriteString(key);
            writer.WriteVarint(values.Length);
            foreach (var value in values)
            {
                writer.WriteString(value);
            }
        }
    }

    public static Session Read(ReadOnlySpan<byte> record, StringPool pool)
    {
        var reader = new RecordReader(record);
        var layout = reader.ReadByte();
        if (layout != Layout)
        {
            throw new FormatException($"A session record has layout {layout}; this lab reads layout {Layout}.");
        }

        var accessKeyId = reader.ReadString();
        var secret = reader.ReadString();
        var token = reader.ReadSpan().ToArray();
        var session = new Session
        {
            AccessKeyId = accessKeyId,
            SecretAccessKey = secret,
            Start = reader.ReadTime(),
            Expiration = reader.ReadTime(),
            DurationCap = reader.ReadVarint(),
            Source = reader.ReadString(pool),
            AccountId = reader.ReadString(pool),
            RoleName = reader.ReadString(pool),
            RoleArn = reader.ReadString(pool),
            SessionName = reader.ReadString(pool),
            Arn = reader.ReadString(pool),
            AssumedRoleId = reader.ReadString(pool),
            CallerArn = reader.ReadString(pool),
            ParentAccessKeyId = reader.ReadNullable(pool),
        };
        session.SetTokenAscii(token);
        session.InlineSessionPolicy = reader.ReadNullable() is { } inline ? new PolicyText(inline) : null;
        session.SourceIdentity = reader.ReadNullable(pool);
        var policyCount = reader.ReadVarint();
        if (policyCount > 0)
        {
            var arns = new List<string>(policyCount);
            for (var i = 0; i < policyCount; i++)
            {
                arns.Add(reader.ReadString(pool));
            }

            session.SessionPolicyArns = arns;
        }

        var tagCount = reader.ReadVarint();
        if (tagCount > 0)
        {
            var tags = new List<Tag>(tagCount);
            for (var i = 0; i < tagCount; i++)
            {
                tags.Add(new Tag(reader.ReadString(pool), reader.ReadString(pool)));
            }

            session.Tags = tags;
        }

        var transitiveCount = reader.ReadVarint();
        if (transitiveCount > 0)
        {
            var keys = new List<string>(transitiveCount);
            for (var i = 0; i < transitiveCount; i++)
            {
                keys.Add(reader.ReadString(pool));
            }

            session.TransitiveTagKeys = keys;
        }

        var claimCount = reader.ReadVarint();
        if (claimCount > 0)
        {
            var claims = new SortedDictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < claimCount; i++)
            {
                var key = reader.ReadString(pool);
                var values = new string[reader.ReadVarint()];
                for (var v = 0; v < values.Length; v++)
                {
                    values[v] = reader.ReadString(pool);
                }

                claims[key] = values;
            }

            session.Claims = claims;
        }

        if (!reader.AtEnd)
        {
            throw new FormatException($"The session record {session.AccessKeyId} has bytes after its last field.");
        }

        return session;
    }
}
