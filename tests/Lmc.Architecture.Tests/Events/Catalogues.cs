using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using Lmc.BuildingBlocks.Hosting;
using Lmc.BuildingBlocks.Messaging;

namespace Lmc.Architecture.Tests.Events;

/// <summary>
/// Each service's committed catalogue, <c>services/&lt;name&gt;/Contracts/asyncapi.json</c> (what CI validates
/// with the AsyncAPI CLI and compares across releases), the one its records make, and the same file in git history.
/// </summary>
public static class Catalogues
{
    public const string FileName = EventCatalogue.FileName;

    /// <summary><c>./lmc catalogue</c> sets it: the tests then write the catalogues instead of comparing them.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable("LMC_UPDATE_CATALOGUE") == "1";

    public static string Committed(ServiceManifest manifest) =>
        EventCatalogue.CommittedFile(Path.Combine(RepositoryRoot, "services", Path.GetFileName(manifest.Directory)));

    public static string Generated(ServiceManifest manifest) =>
        EventCatalogue.Serialize(EventCatalogue.Document(manifest.Name, EventCatalogue.EventsOf(manifest.Project)));

    /// <summary>The repository-relative path of a manifest's catalogue, as git names it.</summary>
    public static string GitPath(ServiceManifest manifest) =>
        Path.GetRelativePath(RepositoryRoot, Committed(manifest)).Replace('\\', '/');

    /// <summary>The clone the tests were built from, as the build recorded it.</summary>
    public static string RepositoryRoot { get; } = Path.GetFullPath(typeof(Catalogues).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!);

    /// <summary>The commit named in <c>tests/contracts/released-commit</c> (the last release), if this clone has it.</summary>
    public static string? ReleasedCommit()
    {
        var file = Path.Combine(RepositoryRoot, "tests", "contracts", "released-commit");
        var commit = File.Exists(file) ? File.ReadAllText(file).Trim() : "";
        return commit.Length == 40 && Git("cat-file", "-e", commit + "^{commit}") is not null ? commit : null;
    }

    /// <summary>The commit that first added <paramref name="path"/>, if any.</summary>
    public static string? FirstCommitOf(string path) =>
        Git("log", "--diff-filter=A", "--format=%H", "--", path)?.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();

    /// <summary>The file at a commit, parsed; null where the commit has no such file.</summary>
    public static JsonObject? At(string commit, string path) =>
        Git("show", $"{commit}:{path}") is { } text ? JsonNode.Parse(text)!.AsObject() : null;

    private static string? Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        git.StandardError.ReadToEnd();
        git.WaitForExit();
        return git.ExitCode == 0 ? output : null;
    }
}
