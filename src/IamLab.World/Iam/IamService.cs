using IamLab.World.Accounts;

namespace IamLab.World.Iam;

/// <summary>
/// IAM's API in one account, named and validated as AWS's API is, with AWS's error codes and messages.
/// Split by entity over several files.
/// </summary>
public sealed partial class IamService
{
    private readonly LabWorld world;

    internal IamService(LabWorld world, Account account)
    {
        this.world = world;
        Account = account;
    }

    /// <summary>The account this service acts in.</summary>
    public Account Account { get; }

    private string ArnOf(string type, string path, string name) => $"arn:aws:iam::{Account.Id}:{type}{path}{name}";
}
