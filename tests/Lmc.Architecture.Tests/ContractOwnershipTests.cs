using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Lmc.BuildingBlocks.Grpc;

namespace Lmc.Architecture.Tests;

/// <summary>
/// Contracts per service: each service compiles its own proto as server and any it calls as client, and the shared
/// contracts hold only the common protos (Directory.Build.targets).
/// </summary>
public sealed class ContractOwnershipTests
{
    [Theory]
    [MemberData(nameof(ServiceAssemblies.Names), MemberType = typeof(ServiceAssemblies))]
    public void A_service_serves_its_own_contract_and_no_other(string service)
    {
        var manifest = ServiceAssemblies.Manifest(service);
        var served = ServiceAssemblies.Of(manifest).GetTypes()
            .Where(t => t.IsAbstract && t.GetCustomAttribute<BindServiceMethodAttribute>() is not null)
            .Select(t => ContractAccess.ServiceOf(t).File.Package)
            .Distinct()
            .ToList();

        Assert.Equal([manifest.Proto], served);
    }

    [Fact]
    public void The_shared_contracts_hold_the_common_protos_alone()
    {
        var packages = typeof(Lmc.Contracts.Common.V1.Country).Assembly.GetExportedTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>()
            .Select(f => f.Package)
            .Distinct()
            .ToList();

        Assert.NotEmpty(packages);
        Assert.All(packages, package => Assert.StartsWith("lmc.common.", package, StringComparison.Ordinal));
    }
}
