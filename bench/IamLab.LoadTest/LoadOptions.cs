using System.Globalization;

namespace IamLab.LoadTest;

/// <summary>The command line: <c>--seconds N --clients N --warmup N --rate N --no-s3 --state-sessions N[,N...] --state-dir DIR --keep-stores --wrk --roles N</c>.</summary>
internal sealed record LoadOptions(int Seconds, int Clients, int WarmupSeconds, bool S3, int Rate)
{
    /// <summary>For each number, a run against an endpoint with <c>--state</c> whose world already holds that many sessions.</summary>
    public IReadOnlyList<int> StateSessions { get; init; } = [];

    /// <summary>Where the stores of the <c>--state</c> runs are written (the temporary folder by default).</summary>
    public string StateDirectory { get; init; } = Path.GetTempPath();

    /// <summary>Keep the stores of the <c>--state</c> runs (to time <c>iamlab serve --state</c> starting on them).</summary>
    public bool KeepStores { get; init; }

    /// <summary>Roles added to the assumed role's account (each with a trust policy) in every lab endpoint's world: an account near IAM's default quota of 1,000 roles.</summary>
    public int ExtraRoles { get; init; }

    /// <summary>Drive the closed-loop STS runs with wrk from outside the process instead of the in-process clients.</summary>
    public bool Wrk { get; init; }

    public static LoadOptions? Parse(string[] args, TextWriter error)
    {
        var options = new LoadOptions(10, 16, 2, true, 2000);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seconds" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0:
                    options = options with { Seconds = s };
                    i++;
                    break;
                case "--clients" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c > 0:
                    options = options with { Clients = c };
                    i++;
                    break;
                case "--warmup" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var w):
                    options = options with { WarmupSeconds = w };
                    i++;
                    break;
                case "--rate" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var r):
                    options = options with { Rate = r };
                    i++;
                    break;
                case "--state-sessions" when i + 1 < args.Length && args[i + 1].Split(',').All(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out _)):
                    options = options with { StateSessions = args[i + 1].Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList() };
                    i++;
                    break;
                case "--state-dir" when i + 1 < args.Length && Directory.Exists(args[i + 1]):
                    options = options with { StateDirectory = args[i + 1] };
                    i++;
                    break;
                case "--keep-stores":
                    options = options with { KeepStores = true };
                    break;
                case "--roles" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var roles) && roles < 1000:
                    options = options with { ExtraRoles = roles };
                    i++;
                    break;
                case "--wrk":
                    options = options with { Wrk = true };
                    break;
                case "--no-s3":
                    options = options with { S3 = false };
                    break;
                default:
                    error.WriteLine($"iamlab-loadtest: unknown or incomplete argument '{args[i]}'. Usage: [--seconds 10] [--clients 16] [--warmup 2] [--rate 2000 (0: no paced run)] [--no-s3] [--state-sessions 1000,1000000] [--state-dir DIR] [--keep-stores] [--wrk] [--roles N (0 to 999 roles added to the assumed role's account)]");
                    return null;
            }
        }

        return options;
    }
}
