using Lmc.Connectivity.Data;
using Lmc.Contracts.Connectivity.V1;
using Lmc.Testing;
using Lmc.Testing.Fakes;
using Microsoft.AspNetCore.Hosting;

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

    public override async Task InitializeAsync()
    {
        await Projects.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Projects.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("services:projects:grpc:0", Projects.Address.ToString());
    }
}

[CollectionDefinition(Name)]
public sealed class ConnectivityServiceGroup : ICollectionFixture<ConnectivityServiceFactory>
{
    public const string Name = "connectivity service";
}
