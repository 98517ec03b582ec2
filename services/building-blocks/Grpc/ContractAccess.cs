using System.Reflection;
using Google.Api;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Hosting;

namespace Lmc.BuildingBlocks.Grpc;

/// <summary>
/// What the contract says about access, read the same way by the gateway and by the service behind it: an
/// operation whose <c>google.api.http</c> bindings are all GETs is a read and needs the service's read scope;
/// any other operation (another verb, or no binding at all) is a write and needs its write scope.
/// </summary>
public static class ContractAccess
{
    public static bool IsRead(MethodDescriptor method)
    {
        var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
        return rule is not null && new[] { rule }.Concat(rule.AdditionalBindings).All(r => r.PatternCase == HttpRule.PatternOneofCase.Get);
    }

    /// <summary>The scope policy of an operation of <paramref name="service"/>: <c>read:&lt;name&gt;</c> or <c>write:&lt;name&gt;</c>.</summary>
    public static string ScopePolicyOf(string service, MethodDescriptor method) =>
        (IsRead(method) ? LmcPolicies.ReadPrefix : LmcPolicies.WritePrefix) + service;

    /// <summary>
    /// The proto service a gRPC implementation serves: its generated base class is bound by
    /// <see cref="BindServiceMethodAttribute"/> to the generated static class, whose <c>Descriptor</c> describes it.
    /// </summary>
    public static ServiceDescriptor ServiceOf(Type implementation)
    {
        for (var type = implementation; type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>() is { } bind
                && bind.BindType.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is ServiceDescriptor descriptor)
            {
                return descriptor;
            }
        }

        throw new InvalidOperationException($"{implementation.FullName} derives from no generated gRPC service base.");
    }

    /// <summary>The manifest of the service that owns a proto service (its manifest's <c>proto</c> is the package).</summary>
    public static ServiceManifest OwnerOf(ServiceDescriptor service, IReadOnlyList<ServiceManifest> manifests) =>
        manifests.SingleOrDefault(m => m.Proto == service.File.Package)
        ?? throw new InvalidOperationException(
            $"No service manifest names the proto package {service.File.Package} of {service.FullName}: add \"proto\" to its service.json.");
}
