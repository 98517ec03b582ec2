using Lmc.Connectivity.Data;
using Lmc.Contracts.Connectivity.V1;
using Lmc.Testing;
using Lmc.Testing.Fakes;

namespace Lmc.Connectivity.Tests;

/// <summary>
/// The connectivity service in-process on its own database and vhost of the real PostgreSQL and RabbitMQ, checking
/// project ids against a fake projects service on a loopback port.
/// </summary>
public sealed class ConnectivityServiceFactory : ServiceFactory<Program, ConnectivityDbContext>
{
    public FakeProjects Projects { get; } = new();

    protected override string DatabaseName => "connectivity";

    public ConnectivityService.ConnectivityServiceClient Client() => new(Channel());

    protected override IReadOnlyDictionary<string, IFakeService> Fakes => new Dictionary<string, IFakeService> { ["projects"] = Projects };
}

[CollectionDefinition(Name)]
public sealed class ConnectivityServiceGroup : ICollectionFixture<ConnectivityServiceFactory>
{
    public const string Name = "connectivity service";
}
