using Lmc.Connectivity.Data;
using Lmc.Contracts.Connectivity.V1;
using Lmc.Testing;

namespace Lmc.Connectivity.Tests;

/// <summary>The connectivity service in-process on its own database and vhost of the real PostgreSQL and RabbitMQ.</summary>
public sealed class ConnectivityServiceFactory : ServiceFactory<Program, ConnectivityDbContext>
{
    protected override string DatabaseName => "connectivity";

    public ConnectivityService.ConnectivityServiceClient Client() => new(Channel());
}

[CollectionDefinition(Name)]
public sealed class ConnectivityServiceGroup : ICollectionFixture<ConnectivityServiceFactory>
{
    public const string Name = "connectivity service";
}
