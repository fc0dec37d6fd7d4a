namespace IamLab.Interactive.Tests.Extension;

/// <summary>
/// Formatters and the extension's kernel registrations are process-wide static state: every test that loads the
/// extension or formats values belongs to this collection, which runs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KernelTestGroup
{
    public const string Name = "Notebook kernels and formatters";
}
