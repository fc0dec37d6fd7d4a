using System.Diagnostics.CodeAnalysis;

namespace IamLab.Policy.Model;

/// <summary>
/// An Amazon Resource Name, <c>arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE</c>, split once (AWS General Reference,
/// "Amazon Resource Names"). The resource part keeps its colons (<c>function:name:alias</c>); IAM-style resources
/// (<c>TYPE/PATH/NAME</c>) also give their <see cref="ResourceType"/>, <see cref="Path"/> and <see cref="Name"/>.
/// </summary>
/// <remarks>
/// INVARIANT: for a parsed ARN <see cref="Partition"/>, <see cref="Service"/> and <see cref="Resource"/> are never empty (only
/// <c>default</c> has every part empty); region and
/// account may be (IAM and S3 ARNs have no region, S3 bucket ARNs no account). Parsing checks the shape only: wildcards
/// and unknown services are text like any other, as in policies.
/// </remarks>
public readonly record struct Arn
{
    private const string Example = "arn:partition:service:region:account:resource";

    private readonly string? partition;
    private readonly string? service;
    private readonly string? region;
    private readonly string? account;
    private readonly string? resource;

    private Arn(string partition, string service, string region, string account, string resource)
    {
        this.partition = partition;
        this.service = service;
        this.region = region;
        this.account = account;
        this.resource = resource;
    }

    /// <summary>The partition: <c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>, ...</summary>
    public string Partition => partition ?? string.Empty;

    /// <summary>The service namespace: <c>iam</c>, <c>sts</c>, <c>s3</c>, ...</summary>
    public string Service => service ?? string.Empty;

    /// <summary>The region, empty for global services.</summary>
    public string Region => region ?? string.Empty;

    /// <summary>The account id (or <c>aws</c> for AWS-owned resources), empty where the ARN has none.</summary>
    public string Account => account ?? string.Empty;

    /// <summary>Everything after the fifth colon: <c>role/path/Name</c>, <c>bucket/key</c>, <c>root</c>, ...</summary>
    public string Resource => resource ?? string.Empty;

    /// <summary>The resource's type: what comes before the first <c>/</c> of <see cref="Resource"/> (all of it when there is none).</summary>
    public string ResourceType
    {
        get
        {
            var slash = Resource.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? Resource : Resource[..slash];
        }
    }

    /// <summary>What follows the type and its <c>/</c> (<c>path/Name</c> of <c>role/path/Name</c>), empty when there is no <c>/</c>.</summary>
    public string ResourceId
    {
        get
        {
            var slash = Resource.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? string.Empty : Resource[(slash + 1)..];
        }
    }

    /// <summary>The IAM path between the type and the name, with its slashes (<c>/</c> when there is none): <c>/dev/</c> of <c>role/dev/Name</c>.</summary>
    public string Path
    {
        get
        {
            var first = Resource.IndexOf('/', StringComparison.Ordinal);
            var last = Resource.LastIndexOf('/');
            return first < 0 || last == first ? "/" : Resource[first..(last + 1)];
        }
    }

    /// <summary>The name after the last <c>/</c> (<c>Name</c> of <c>role/dev/Name</c>), empty when there is no <c>/</c>.</summary>
    public string Name
    {
        get
        {
            var last = Resource.LastIndexOf('/');
            return last < 0 ? string.Empty : Resource[(last + 1)..];
        }
    }

    /// <summary>True when <see cref="Account"/> is a 12-digit account id.</summary>
    public bool HasAccountId => Account.Length == 12 && Account.All(char.IsAsciiDigit);

    /// <summary>Reads <paramref name="text"/>, or says why it is not an ARN.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Arn arn, [NotNullWhen(false)] out string? error)
    {
        arn = default;
        if (string.IsNullOrEmpty(text) || !text.StartsWith("arn:", StringComparison.Ordinal))
        {
            error = $"\"{text}\" is not an ARN: it does not begin with \"arn:\" ({Example}).";
            return false;
        }

        Span<int> colons = stackalloc int[5];
        var at = -1;
        for (var i = 0; i < 5; i++)
        {
            at = text.IndexOf(':', at + 1);
            if (at < 0)
            {
                error = $"\"{text}\" is not an ARN: it has {i} of the 5 colons that separate {Example}.";
                return false;
            }

            colons[i] = at;
        }

        var partitionText = text[(colons[0] + 1)..colons[1]];
        var serviceText = text[(colons[1] + 1)..colons[2]];
        var resourceText = text[(colons[4] + 1)..];
        var missing = partitionText.Length == 0 ? "partition" : serviceText.Length == 0 ? "service" : resourceText.Length == 0 ? "resource" : null;
        if (missing is not null)
        {
            error = $"\"{text}\" is not an ARN: its {missing} is empty ({Example}).";
            return false;
        }

        arn = new Arn(partitionText, serviceText, text[(colons[2] + 1)..colons[3]], text[(colons[3] + 1)..colons[4]], resourceText);
        error = null;
        return true;
    }

    /// <summary>Reads <paramref name="text"/>, or null when it is not an ARN.</summary>
    public static Arn? TryParse(string? text) => TryParse(text, out var arn, out _) ? arn : null;

    /// <summary>Reads <paramref name="text"/>; a text that is not an ARN is a programmer's error here (use <see cref="TryParse(string?, out Arn, out string?)"/> for input).</summary>
    /// <exception cref="FormatException">The text is not an ARN; the message says why.</exception>
    public static Arn Parse(string text) => TryParse(text, out var arn, out var error) ? arn : throw new FormatException(error);

    /// <summary>The account of <paramref name="text"/> when it is an ARN, else null.</summary>
    public static string? AccountOf(string? text) => TryParse(text, out var arn, out _) ? arn.Account : null;

    /// <inheritdoc />
    public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{Account}:{Resource}";
}
