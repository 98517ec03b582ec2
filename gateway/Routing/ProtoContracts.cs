using System.Reflection;
using Google.Protobuf.Reflection;

namespace Lmc.Gateway.Routing;

/// <summary>
/// The proto files compiled into the gateway's assemblies (every <c>Lmc.*.dll</c> beside it: the gateway compiles
/// every service's contract for its descriptors, the contracts the common ones), found through the
/// <c>*Reflection.Descriptor</c> each generated file has. The gateway routes what these describe, so a new
/// service's protos are routed without editing the gateway.
/// </summary>
public static class ProtoContracts
{
    public static IReadOnlyList<FileDescriptor> Load(string? folder = null)
    {
        folder ??= AppContext.BaseDirectory;
        var assemblies = Directory.EnumerateFiles(folder, "Lmc.*.dll")
            .Select(path => TryLoad(Path.GetFileNameWithoutExtension(path)))
            .OfType<Assembly>();
        return FilesIn(assemblies);
    }

    public static IReadOnlyList<FileDescriptor> FilesIn(IEnumerable<Assembly> assemblies) => assemblies
        .SelectMany(TypesOf)
        .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
        .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
        .OfType<FileDescriptor>()
        .DistinctBy(f => f.Name)
        .OrderBy(f => f.Name, StringComparer.Ordinal)
        .ToList();

    private static Assembly? TryLoad(string name)
    {
        try
        {
            return Assembly.Load(name);
        }
        catch (Exception e) when (e is FileNotFoundException or BadImageFormatException or FileLoadException)
        {
            return null;
        }
    }

    private static IEnumerable<Type> TypesOf(Assembly assembly)
    {
        try
        {
            return assembly.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
