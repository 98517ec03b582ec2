using Lmc.AppHost;

// The whole platform on one machine: Debian's PostgreSQL and RabbitMQ, every service and the
// gateway, with the dashboard showing their traces, metrics and logs. Adding a service is one
// AddLmcService line (and its gateway routes).
var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddInfrastructure("postgres", port: 5432);
var rabbitmq = builder.AddInfrastructure("rabbitmq", port: 5672);

var projects = builder.AddLmcService<Projects.Lmc_Projects>("projects", httpPort: 5101, postgres, rabbitmq);

builder.AddProject<Projects.Lmc_Gateway>("gateway")
    .WithHttpEndpoint(port: 8080, name: "http", env: "Ports__Http", isProxied: false)
    .WithHttpEndpoint(port: 8081, name: "grpc", env: "Ports__Grpc", isProxied: false)
    .WithLocalDefaults()
    .WithReference(projects.GetEndpoint("http"))
    .WithReference(projects.GetEndpoint("grpc"))
    .WithHttpHealthCheck("/health/ready", endpointName: "http")
    .WaitFor(projects);

builder.Build().Run();
