using System.CommandLine;
using IamLab.World.State;

namespace IamLab.Cli.Commands;

/// <summary>
/// <c>iamlab state export FILE.json</c> and <c>iamlab state import FILE.json</c>: the world store of
/// <c>iamlab serve --state</c> to and from the readable, versioned JSON state document (docs/state.md). The store is
/// named by <c>--state STORE</c> or the <c>IAMLAB_STATE</c> environment variable (the devcontainer sets it).
/// </summary>
internal static class StateCommand
{
    public const string StoreVariable = "IAMLAB_STATE";

    public static Command Build(TextWriter output, TextWriter error)
    {
        var command = new Command("state", "Export the world store of `iamlab serve --state` as a JSON document, or import one into it.")
        {
            Export(output, error),
            Import(output, error),
        };
        return command;
    }

    private static Command Export(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE.json") { Description = "The JSON state document to write (mode 0600: it holds secret keys)." };
        var store = StoreOption();
        var command = new Command("export", "Write the world in the store as a readable, versioned JSON document.") { file, store };
        command.SetAction(async parse =>
        {
            var path = StorePath(parse.GetValue(store));
            if (path is null)
            {
                await error.WriteLineAsync(NoStore("export")).ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            var target = parse.GetValue(file)!;
            var exported = WorldStore.Export(path, target);
            if (!exported.IsSuccess)
            {
                await error.WriteLineAsync($"iamlab state export: {exported.Error!.Code}: {exported.Error.Message}").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            foreach (var notice in exported.Value)
            {
                await error.WriteLineAsync($"iamlab state export: {notice}").ConfigureAwait(false);
            }

            await output.WriteLineAsync($"Exported the world in {Path.GetFullPath(path)} to {Path.GetFullPath(target)}.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Import(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE.json") { Description = "A JSON state document (from `iamlab state export` or an earlier lab's --state file)." };
        var store = StoreOption();
        var command = new Command("import", "Replace the world in the store with a JSON document's (the store is made if missing).") { file, store };
        command.SetAction(async parse =>
        {
            var path = StorePath(parse.GetValue(store));
            if (path is null)
            {
                await error.WriteLineAsync(NoStore("import")).ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            var source = parse.GetValue(file)!;
            var imported = WorldStore.Import(source, path);
            if (!imported.IsSuccess)
            {
                await error.WriteLineAsync($"iamlab state import: {imported.Error!.Code}: {imported.Error.Message}").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            var world = imported.Value;
            await output.WriteLineAsync($"Imported {Path.GetFullPath(source)} into {Path.GetFullPath(path)}: {world.Accounts.Count} accounts, {world.Sts.Sessions.Count} sessions.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string?> StoreOption() =>
        new("--state") { Description = $"The world store (the file `iamlab serve --state` uses); ${StoreVariable} by default." };

    private static string? StorePath(string? given) =>
        given ?? (Environment.GetEnvironmentVariable(StoreVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null);

    private static string NoStore(string verb) =>
        $"iamlab state {verb}: which store? Pass --state STORE (the file `iamlab serve --state` uses) or set {StoreVariable}.";
}
