using Lmc.AppHost;

// The whole platform on one machine: Debian's PostgreSQL and RabbitMQ, the identity service,
// every service and the gateway, with the dashboard showing their traces, metrics and logs.
// Adding a service is one AddLmcService line (and its gateway routes).
var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddInfrastructure("postgres", port: 5432);
var rabbitmq = builder.AddInfrastructure("rabbitmq", port: 5672);

var identity = builder.AddLmcService<Projects.Lmc_Identity>("identity", httpPort: 5001, postgres, rabbitmq)
    .WithEnvironment("Identity__Issuer", LocalPlatform.Issuer)
    .WithEnvironment("Identity__SeedDevelopmentClients", "true");

var projects = builder.AddLmcService<Projects.Lmc_Projects>("projects", httpPort: 5101, postgres, rabbitmq)
    .WaitFor(identity);

var meetings = builder.AddLmcService<Projects.Lmc_Meetings>("meetings", httpPort: 5201, postgres, rabbitmq)
    .WaitFor(identity);

var surveillance = builder.AddLmcService<Projects.Lmc_HealthSurveillance>("health-surveillance", httpPort: 5301, postgres, rabbitmq)
    .WaitFor(identity);

// The fund asks projects whether a project is adopted (gRPC, its one synchronous dependency).
var funding = builder.AddLmcService<Projects.Lmc_Funding>("funding", httpPort: 5401, postgres, rabbitmq)
    .WithReference(projects.GetEndpoint("grpc"))
    .WaitFor(projects);

builder.AddProject<Projects.Lmc_Gateway>("gateway")
    .WithHttpEndpoint(port: 8080, name: "http", env: "Ports__Http", isProxied: false)
    .WithHttpEndpoint(port: 8081, name: "grpc", env: "Ports__Grpc", isProxied: false)
    .WithLocalDefaults()
    .WithReference(identity.GetEndpoint("http"))
    .WithReference(projects.GetEndpoint("http"))
    .WithReference(projects.GetEndpoint("grpc"))
    .WithReference(meetings.GetEndpoint("http"))
    .WithReference(meetings.GetEndpoint("grpc"))
    .WithReference(surveillance.GetEndpoint("http"))
    .WithReference(surveillance.GetEndpoint("grpc"))
    .WithReference(funding.GetEndpoint("http"))
    .WithReference(funding.GetEndpoint("grpc"))
    .WithHttpHealthCheck("/health/ready", endpointName: "http")
    .WaitFor(identity)
    .WaitFor(projects)
    .WaitFor(meetings)
    .WaitFor(surveillance)
    .WaitFor(funding);

builder.Build().Run();
