using NetArchTest.Rules;

namespace Lmc.Architecture.Tests;

/// <summary>What each service's layers may depend on, for every service with a manifest.</summary>
public sealed class LayeringTests
{
    /// <summary>
    /// Persistence, transport, messaging, hosting and the file system stay out of the domain, and so do the
    /// contracts: the shared ones and every service's events (<c>Lmc.&lt;Name&gt;.Contracts</c>).
    /// </summary>
    private static readonly string[] NotInDomain =
    [
        "Microsoft.EntityFrameworkCore", "Npgsql", "Grpc", "Google.Protobuf", "Google.Api", "MassTransit",
        "Microsoft.AspNetCore", "Microsoft.Extensions.Hosting", "System.IO", "Lmc.Contracts",
    ];

    [Theory]
    [MemberData(nameof(ServiceAssemblies.Names), MemberType = typeof(ServiceAssemblies))]
    public void The_domain_depends_on_no_persistence_transport_messaging_hosting_or_file_system_type(string service)
    {
        var assembly = ServiceAssemblies.Of(ServiceAssemblies.Manifest(service));
        var domain = Types.InAssembly(assembly).That().ResideInNamespaceContaining(".Domain");
        Assert.NotEmpty(domain.GetTypes());

        var contracts = ServiceAssemblies.Manifests.Select(m => m.Project + ".Contracts");
        var result = domain.ShouldNot().HaveDependencyOnAny([.. NotInDomain, .. contracts]).GetResult();

        Assert.True(result.IsSuccessful,
            $"{service}'s domain depends on them: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [MemberData(nameof(ServiceAssemblies.Names), MemberType = typeof(ServiceAssemblies))]
    public void A_service_references_no_other_services_assembly(string service)
    {
        var assembly = ServiceAssemblies.Of(ServiceAssemblies.Manifest(service));
        var others = ServiceAssemblies.Manifests.Where(m => m.Name != service).Select(m => m.Project).ToHashSet();

        var referenced = assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(others.Contains).ToList();
        // Every type another service's assembly defines, by full name: its namespaces' prefix would also catch
        // its Contracts assembly (Lmc.Projects.Contracts), which is exactly what a service may use.
        var theirTypes = ServiceAssemblies.Manifests.Where(m => m.Name != service)
            .SelectMany(m => ServiceAssemblies.Of(m).GetTypes())
            // The global namespace holds every service's own top-level Program, not one to borrow; Lmc.Contracts.*
            // are the proto stubs each caller compiles for itself.
            .Where(t => t.Namespace is { } ns && !ns.StartsWith("Lmc.Contracts", StringComparison.Ordinal))
            .Where(t => t.FullName is { } name && !name.Contains('<'))
            .Select(t => t.FullName!.Replace('+', '/'))
            .ToArray();
        var typed = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(theirTypes).GetResult();

        Assert.Empty(referenced);
        Assert.True(typed.IsSuccessful,
            $"{service} uses another service's types: {string.Join(", ", typed.FailingTypeNames ?? [])}");
    }

    [Theory]
    [MemberData(nameof(ServiceAssemblies.Names), MemberType = typeof(ServiceAssemblies))]
    public void The_grpc_layer_is_not_used_by_the_domain_or_the_application(string service)
    {
        var assembly = ServiceAssemblies.Of(ServiceAssemblies.Manifest(service));
        var grpc = $"{assembly.GetName().Name}.Grpc";

        var result = Types.InAssembly(assembly).That().ResideInNamespaceContaining(".Domain")
            .Or().ResideInNamespaceContaining(".Application")
            .ShouldNot().HaveDependencyOn(grpc).GetResult();

        Assert.True(result.IsSuccessful, $"{service}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
