using Grpc.Core;
using Lmc.Contracts.Common.V1;
using Lmc.Contracts.Connectivity.V1;
using Lmc.Contracts.Projects.V1;
using Lmc.Testing;
using static Lmc.Testing.TestTokens;
using static Lmc.Connectivity.Tests.TestNetwork;

namespace Lmc.Connectivity.Tests;

/// <summary>The registry's projects on links and corridors: every id is asked of the projects service before it is stored.</summary>
[Collection(ConnectivityServiceGroup.Name)]
public sealed class ProjectLinkTests(ConnectivityServiceFactory service)
{
    private static CreateLinkRequest Road(TestNetwork network, string code, params string[] projects)
    {
        var request = new CreateLinkRequest
        {
            Code = network.Prefix + code, Name = "Test upgrade", Mode = LinkMode.Road, Status = LinkStatus.Operational,
            FromNode = network.A, ToNode = network.X1, SpeedKmh = 60,
        };
        request.ProjectIds.AddRange(projects);
        return request;
    }

    [Fact]
    public async Task A_link_names_the_registrys_projects_and_an_id_the_registry_lacks_is_refused_with_nothing_written()
    {
        var network = await BuildAsync(service.Client());
        var project = service.Projects.Add("LA", ProjectStatus.InProgress, PriorityArea.Connectivity);
        var unknown = Guid.NewGuid().ToString();

        var link = (await service.Client().CreateLinkAsync(Road(network, "-UPGRADE", project.ToString()), Bearer(Jwg))).Link;
        var refused = await Refusals.FieldsOf(() => service.Client().CreateLinkAsync(Road(network, "-GHOST", unknown), Bearer(Jwg)).ResponseAsync);
        var garbled = await Refusals.FieldsOf(() => service.Client().CreateLinkAsync(Road(network, "-GARBLED", "R3A"), Bearer(Jwg)).ResponseAsync);

        Assert.Equal([project.ToString()], link.ProjectIds);
        Assert.Contains("project_ids", refused);
        Assert.Contains("project_ids", garbled);
        Assert.Equal(StatusCode.NotFound, await Refusals.StatusOf(() =>
            service.Client().GetLinkAsync(new GetLinkRequest { LinkId = network.Prefix + "-GHOST" }, Bearer(Jwg)).ResponseAsync));
    }

    [Fact]
    public async Task A_corridor_lists_the_projects_of_its_links_once_they_are_set_and_the_change_is_an_event()
    {
        var network = await BuildAsync(service.Client());
        var first = service.Projects.Add("TH", ProjectStatus.Adopted, PriorityArea.Connectivity);
        var second = service.Projects.Add("LA", ProjectStatus.Adopted, PriorityArea.Connectivity);
        var road = (await service.Client().GetLinkAsync(new GetLinkRequest { LinkId = network.RoadAX1 }, Bearer(Jwg))).Link;

        var set = new SetLinkProjectsRequest { LinkId = network.RoadAX1, ExpectedVersion = road.Version, ProjectIds = { first.ToString() } };
        var updated = (await service.Client().SetLinkProjectsAsync(set, Bearer(Jwg))).Link;
        await service.Client().SetLinkProjectsAsync(new SetLinkProjectsRequest
        {
            LinkId = network.RoadX2B, ProjectIds = { second.ToString(), first.ToString() },
        }, Bearer(Jwg));
        var stale = await Refusals.StatusOf(() => service.Client().SetLinkProjectsAsync(set, Bearer(Jwg)).ResponseAsync);
        var corridor = (await service.Client().GetCorridorAsync(new GetCorridorRequest { Corridor = network.Corridor }, Bearer(Jwg))).Corridor;

        Assert.Equal(road.Version + 1, updated.Version);
        Assert.Equal(StatusCode.Aborted, stale);
        Assert.Equal(new[] { first.ToString(), second.ToString() }.Order(), corridor.ProjectIds.Order());
        Assert.Contains("lmc.connectivity.link-projects-changed.v1", await service.OutboxEventsOfAsync(Guid.Parse(road.Id)));
    }

    [Fact]
    public async Task While_the_projects_service_is_down_a_link_with_projects_is_refused_as_unavailable_never_let_through()
    {
        var network = await BuildAsync(service.Client());
        var project = service.Projects.Add("LA", ProjectStatus.Adopted, PriorityArea.Connectivity);
        await service.Projects.StopAsync();
        try
        {
            Assert.Equal(StatusCode.Unavailable, await Refusals.StatusOf(() =>
                service.Client().CreateLinkAsync(Road(network, "-DOWN", project.ToString()), Bearer(Jwg)).ResponseAsync));
            // A link without projects needs no registry.
            await service.Client().CreateLinkAsync(Road(network, "-NONE"), Bearer(Jwg));
        }
        finally
        {
            await service.Projects.StartAsync();
        }

        Assert.Equal(StatusCode.NotFound, await Refusals.StatusOf(() =>
            service.Client().GetLinkAsync(new GetLinkRequest { LinkId = network.Prefix + "-DOWN" }, Bearer(Jwg)).ResponseAsync));
    }
}
