using System.Reflection;
using Lmc.BuildingBlocks.Hosting;

namespace Lmc.Architecture.Tests;

/// <summary>The assembly of every service that has a manifest, loaded by its project's name.</summary>
public static class ServiceAssemblies
{
    public static IReadOnlyList<ServiceManifest> Manifests { get; } = ServiceManifests.FromRepository();

    public static Assembly Of(ServiceManifest manifest) => Assembly.Load(manifest.Project);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var manifest in Manifests)
        {
            data.Add(manifest.Name);
        }

        return data;
    }

    public static ServiceManifest Manifest(string name) => Manifests.Single(m => m.Name == name);
}
