using System.Text.Json.Serialization;
using IamLab.World.Iam;

namespace IamLab.World.Accounts;

/// <summary>
/// An AWS Organization: a tree of organizational units. Every level from the root down to the account
/// must allow a request through its SCPs; RCPs restrict the resources of member accounts.
/// </summary>
public sealed class Organization
{
    /// <summary>The FullAWSAccess SCP that AWS attaches to every root, OU and account by default.</summary>
    public const string FullAwsAccess = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

    [JsonConstructor]
    internal Organization()
    {
    }

    /// <summary>The organization id, <c>o-…</c>.</summary>
    [JsonInclude] public string Id { get; internal set; } = string.Empty;

    /// <summary>The management account.</summary>
    [JsonInclude] public string ManagementAccountId { get; internal set; } = string.Empty;

    /// <summary>The root and the OUs by id.</summary>
    [JsonInclude] public SortedDictionary<string, OrganizationalUnit> Units { get; internal set; } = new(StringComparer.Ordinal);

    /// <summary>The root's id.</summary>
    [JsonInclude] public string RootId { get; internal set; } = string.Empty;

    /// <summary>The units from the root down to <paramref name="unitId"/>.</summary>
    public IReadOnlyList<OrganizationalUnit> PathTo(string unitId)
    {
        var path = new List<OrganizationalUnit>();
        for (var id = unitId; id is not null; id = Units[id].ParentId)
        {
            path.Insert(0, Units[id]);
        }

        return path;
    }

    private static readonly System.Buffers.SearchValues<char> IdCharacters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789");

    /// <summary>
    /// Whether <paramref name="id"/> has the form of an organization id: <c>o-</c> and 10 to 32 lower-case letters or
    /// digits (Organizations API Reference, Organization, Id: <c>^o-[a-z0-9]{10,32}$</c>).
    /// </summary>
    public static bool IsValidId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.StartsWith("o-", StringComparison.Ordinal) && id.Length is >= 12 and <= 34
            && id.AsSpan(2).IndexOfAnyExcept(IdCharacters) < 0;
    }

    /// <summary>Adds an OU under <paramref name="parentId"/>, with FullAWSAccess attached as AWS does.</summary>
    public OrganizationalUnit AddUnit(string id, string name, string parentId)
    {
        if (!Units.ContainsKey(parentId))
        {
            throw new ArgumentException($"No unit {parentId} in the organization.", nameof(parentId));
        }

        var unit = new OrganizationalUnit { Id = id, Name = name, ParentId = parentId, ServiceControlPolicies = [new PolicyText(FullAwsAccess)] };
        Units[id] = unit;
        return unit;
    }
}
