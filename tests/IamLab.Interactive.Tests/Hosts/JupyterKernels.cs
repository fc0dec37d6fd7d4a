using System.Globalization;
using System.Text.Json.Nodes;
using IamLab.Interactive.Tests.Notebooks;

namespace IamLab.Interactive.Tests.Hosts;

/// <summary>
/// The <c>.net-csharp</c> kernel that <c>dotnet interactive jupyter install</c> registered, once per slot of
/// <see cref="HostedRuns"/>. The registered kernel starts .NET Interactive's HTTP API on the first free port of
/// 2048-3000, and two kernels started at the same moment both take 2048 (the second dies with "address already in
/// use"); each slot's copy of the kernel spec differs only in its port range, so runs side by side never share one.
/// </summary>
internal static class JupyterKernels
{
    private const string Name = ".net-csharp";

    /// <summary>A folder to put first in <c>JUPYTER_PATH</c> for a run in <paramref name="slot"/>.</summary>
    public static string ForSlot(int slot)
    {
        var installed = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "jupyter", "kernels", Name, "kernel.json");
        var folder = RepositoryPaths.Artifacts(Path.Combine("jupyter-kernels", "slot-" + slot.ToString(CultureInfo.InvariantCulture)));
        if (!File.Exists(installed))
        {
            // No registered kernel: nbconvert then says that no kernel named .net-csharp exists, which the test shows.
            return folder;
        }

        var spec = JsonNode.Parse(File.ReadAllText(installed))!.AsObject();
        var argv = spec["argv"]!.AsArray();
        for (var i = 0; i < argv.Count - 1; i++)
        {
            if (argv[i]!.GetValue<string>() == "--http-port-range")
            {
                var first = 2048 + (slot * 400);
                argv[i + 1] = string.Create(CultureInfo.InvariantCulture, $"{first}-{first + 399}");
            }
        }

        var kernel = Directory.CreateDirectory(Path.Combine(folder, "kernels", Name)).FullName;
        File.WriteAllText(Path.Combine(kernel, "kernel.json"), spec.ToJsonString());
        return folder;
    }
}
