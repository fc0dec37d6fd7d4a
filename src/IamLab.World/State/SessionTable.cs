using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using IamLab.World.Sts;

namespace IamLab.World.State;

/// <summary>
/// The world's STS sessions by access key id. Lookups and inserts go to a hash table, because the endpoint issues
/// thousands of sessions a second and a sorted tree made every insert rewrite old nodes (expensive for the garbage
/// collector). Enumeration, and so the saved document, is in ordinal key order as before: the sorted key list is
/// built on the first enumeration after a change and kept until the next change.
/// </summary>
[JsonConverter(typeof(SessionTableConverter))]
internal sealed class SessionTable : IReadOnlyDictionary<string, Session>
{
    private readonly Dictionary<string, Session> byKey;
    private string[]? sortedKeys;

    // The keys set or removed since the world store last asked (TakeChanges); null until a store tracks this table.
    private HashSet<string>? changed;

    /// <summary>An empty table.</summary>
    public SessionTable()
        : this(0)
    {
    }

    /// <summary>An empty table with room for <paramref name="capacity"/> sessions (a store being loaded).</summary>
    public SessionTable(int capacity)
    {
        byKey = new Dictionary<string, Session>(capacity, StringComparer.Ordinal);
    }

    public int Count => byKey.Count;

    public Session this[string key] => byKey[key];

    public IEnumerable<string> Keys => SortedKeys();

    public IEnumerable<Session> Values => SortedKeys().Select(k => byKey[k]);

    /// <summary>Adds or replaces the session stored under <paramref name="key"/>.</summary>
    public void Set(string key, Session session)
    {
        byKey[key] = session;
        sortedKeys = null;
        changed?.Add(key);
    }

    /// <summary>Removes a session; false when there was none.</summary>
    public bool Remove(string key)
    {
        if (!byKey.Remove(key))
        {
            return false;
        }

        sortedKeys = null;
        changed?.Add(key);
        return true;
    }

    /// <summary>
    /// The keys set or removed since the last call (the first call starts tracking and returns nothing): what the
    /// world store writes for sessions, so a commit costs the change and not the number of sessions.
    /// </summary>
    internal IReadOnlyCollection<string> TakeChanges()
    {
        if (changed is null)
        {
            changed = new HashSet<string>(StringComparer.Ordinal);
            return [];
        }

        if (changed.Count == 0)
        {
            return [];
        }

        var taken = changed;
        changed = new HashSet<string>(StringComparer.Ordinal);
        return taken;
    }

    public bool ContainsKey(string key) => byKey.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out Session value) => byKey.TryGetValue(key, out value);

    /// <summary>The sessions in insertion order, unsorted: for sweeps that visit every session and do not care about order.</summary>
    internal Dictionary<string, Session>.ValueCollection Unordered => byKey.Values;

    public IEnumerator<KeyValuePair<string, Session>> GetEnumerator()
    {
        foreach (var key in SortedKeys())
        {
            yield return new KeyValuePair<string, Session>(key, byKey[key]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private string[] SortedKeys()
    {
        if (sortedKeys is null)
        {
            var keys = byKey.Keys.ToArray();
            Array.Sort(keys, StringComparer.Ordinal);
            sortedKeys = keys;
        }

        return sortedKeys;
    }
}
