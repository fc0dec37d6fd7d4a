using System.Globalization;

namespace IamLab.LoadTest;

/// <summary>The command line: <c>--seconds N --clients N --warmup N --rate N --no-s3</c>.</summary>
internal sealed record LoadOptions(int Seconds, int Clients, int WarmupSeconds, bool S3, int Rate)
{
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
                case "--no-s3":
                    options = options with { S3 = false };
                    break;
                default:
                    error.WriteLine($"iamlab-loadtest: unknown or incomplete argument '{args[i]}'. Usage: [--seconds 10] [--clients 16] [--warmup 2] [--rate 2000 (0: no paced run)] [--no-s3]");
                    return null;
            }
        }

        return options;
    }
}
