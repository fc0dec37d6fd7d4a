using IamLab.Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace IamLab.Scenarios.Loading;

/// <summary>
/// Reads policy references (<c>{file}</c>, <c>{document}</c>, <c>{managed}</c>) and checks that files are declared:
/// <paramref name="fileNames"/> are the policy files a reference may name, <paramref name="allFileNames"/> every file a
/// check's <c>file:</c> may name (role-settings files too; the policy files when null).
/// </summary>
internal sealed class PolicyReferences(YamlSource source, IReadOnlySet<string> fileNames, IReadOnlySet<string>? allFileNames = null)
{
    private readonly IReadOnlySet<string> checkFileNames = allFileNames ?? fileNames;

    private int inlineCount;

    /// <summary>A trust, bucket, session or organization policy: a file or a document.</summary>
    public PolicySource? Document(YamlNode? node, string what)
    {
        if (node is null)
        {
            return null;
        }

        var fields = new YamlFields(node, what, source, "file", "document");
        return Build(fields, allowManaged: false, what);
    }

    /// <summary>An item of a <c>policies:</c> list: a file, a document or a managed policy, with an optional name.</summary>
    public PolicySource? Item(YamlNode node)
    {
        var fields = new YamlFields(node, "a policy", source, "file", "document", "managed", "name");
        return Build(fields, allowManaged: true, "a policy");
    }

    /// <summary>Checks that a check's <c>file:</c> names one of the scenario's files.</summary>
    public void CheckFile(string? name, YamlNode? node)
    {
        if (name is not null && node is not null && !checkFileNames.Contains(name))
        {
            source.Report(ScenarioCodes.UnknownFile, $"\"{name}\" is not one of the scenario's files ({string.Join(", ", checkFileNames)}).", node);
        }
    }

    public IReadOnlyList<PolicySource> Items(IReadOnlyList<YamlNode> nodes) => nodes.Select(Item).OfType<PolicySource>().ToList();

    private PolicySource? Build(YamlFields fields, bool allowManaged, string what)
    {
        var file = fields.String("file");
        var documentNode = fields.Node("document");
        var managed = allowManaged ? fields.String("managed") : null;
        var name = allowManaged ? fields.String("name") : null;
        var count = (file is null ? 0 : 1) + (documentNode is null ? 0 : 1) + (managed is null ? 0 : 1);
        if (count != 1)
        {
            source.Report(ScenarioCodes.PolicyReference,
                $"{what} needs exactly one of {(allowManaged ? "file, document or managed" : "file or document")}.", fields.Node("file") ?? documentNode ?? fields.Node("managed") ?? fields.Self);
            return null;
        }

        if (file is not null && !fileNames.Contains(file))
        {
            source.Report(ScenarioCodes.UnknownFile, $"\"{file}\" is not one of the scenario's files ({string.Join(", ", fileNames)}).", fields.Node("file")!);
        }

        if (documentNode is not null && documentNode is not YamlMappingNode)
        {
            source.Report(ScenarioCodes.WrongType, "\"document\" must be a policy document (a mapping with Version and Statement).", documentNode);
            return null;
        }

        if (managed is not null && !managed.StartsWith("arn:aws:iam::", StringComparison.Ordinal))
        {
            source.Report(ScenarioCodes.InvalidValue, $"\"{managed}\" is not a managed policy ARN.", fields.Node("managed")!);
        }

        if (documentNode is not null && name is null)
        {
            name = $"Inline{++inlineCount}";
        }

        return new PolicySource(file, documentNode is null ? null : YamlJson.Write(documentNode), managed,
            name ?? (file is not null ? Path.GetFileNameWithoutExtension(file) : null));
    }
}
