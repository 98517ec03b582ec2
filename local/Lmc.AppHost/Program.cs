using Lmc.AppHost;
using Lmc.BuildingBlocks.Hosting;

// The whole platform on one machine: Debian's PostgreSQL and RabbitMQ, every service found through its
// manifest (services/<name>/service.json) and the gateway, with the dashboard showing their traces,
// metrics and logs. A new service is found here without editing this file.
var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddInfrastructure("postgres", port: 5432);
var rabbitmq = builder.AddInfrastructure("rabbitmq", port: 5672);

var manifests = ServiceManifests.Load(LocalPlatform.ServicesFolder);
var services = builder.AddLmcServices(manifests, postgres, rabbitmq);

var gateway = builder.AddProject("gateway", Path.Combine(LocalPlatform.RepositoryFolder, "gateway", "Lmc.Gateway.csproj"))
    .WithHttpEndpoint(port: 8080, name: "http", env: "Ports__Http", isProxied: false)
    .WithHttpEndpoint(port: 8081, name: "grpc", env: "Ports__Grpc", isProxied: false)
    .WithLocalDefaults(LocalPlatform.IssuerOf(manifests))
    .WithHttpHealthCheck("/health/ready", endpointName: "http");
foreach (var service in services.Values)
{
    gateway.WithReference(service.GetEndpoint("http")).WithReference(service.GetEndpoint("grpc")).WaitFor(service);
}

builder.Build().Run();
