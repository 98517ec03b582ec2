using System.Net;
using Grpc.Core;
using Lmc.Contracts.Common.V1;
using Lmc.Contracts.Projects.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lmc.Testing.Fakes;

/// <summary>
/// Compiled into each test project that needs it (a linked file, not a copy): it implements the projects contract
/// over the messages of the service under test, which only that project's assembly has.
/// A stand-in for the projects service's gRPC API on a real loopback port (h2c), so the caller's
/// client goes through its whole pipeline: the tests set each project's status, and stop the
/// server to see what the caller does when projects is unreachable. The real pair is covered end to end.
/// </summary>
public sealed class FakeProjects : Lmc.Testing.IFakeService
{
    private WebApplication? _app;

    public FakeProjects() => Port = Lmc.Testing.LoopbackPorts.Free();

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public Dictionary<Guid, Project> Projects { get; } = [];

    public Guid Add(string country, ProjectStatus status, PriorityArea area = PriorityArea.WaterResources)
    {
        var id = Guid.NewGuid();
        Projects[id] = new Project { ProjectId = id.ToString(), LeadCountry = Lmc.BuildingBlocks.Grpc.CommonMapping.ToCountry(country), Status = status, PriorityArea = area, Title = $"Project {id:N}" };
        return id;
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, Port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(this);
        _app = builder.Build();
        _app.MapGrpcService<Service>();
        await _app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Service(FakeProjects fake) : ProjectsService.ProjectsServiceBase
    {
        public override Task<GetProjectResponse> GetProject(GetProjectRequest request, ServerCallContext context)
        {
            return fake.Projects.TryGetValue(Guid.Parse(request.ProjectId), out var project)
                ? Task.FromResult(new GetProjectResponse { Project = project })
                : throw new RpcException(new Status(StatusCode.NotFound, "no such project"));
        }
    }
}
