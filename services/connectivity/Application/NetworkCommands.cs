using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.Connectivity.Contracts;
using Lmc.Connectivity.Data;
using Lmc.Connectivity.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Connectivity.Application;

public sealed record NewNode(string? Code, string? Name, NodeKind Kind, string? Country, double Longitude, double Latitude);

public sealed record NewCrossing(
    string? Code, string? Name, string? Link, DateOnly? OpenedOn, string? HoursA, string? HoursB, SingleWindowStatus WindowA,
    SingleWindowStatus WindowB);

public sealed record NewPerformance(
    string? Crossing, string Country, string? Period, ClearanceTimes Import, ClearanceTimes Export, ClearanceTimes Transit);

/// <summary>The JWG's changes to the network, each saved with its event in one transaction (the outbox).</summary>
public sealed class NetworkCommands(ConnectivityDbContext db, TimeProvider time, ProjectRegistry registry)
{
    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<Node> AddNodeAsync(Caller caller, NewNode request, CancellationToken ct)
    {
        Stewards.EnsureMayEditNetwork(caller);
        var node = Node.Create(request.Code, request.Name, request.Kind, request.Country, request.Longitude, request.Latitude);
        db.Nodes.Add(node);
        db.Publish(new NodeAdded(node.Id, node.Code, node.Name, Words.Of(node.Kind), node.Country, node.Location.X, node.Location.Y,
            time.GetUtcNow()), node.Id);
        await db.SaveChangesAsync(ct);
        return node;
    }

    public async Task<Link> AddLinkAsync(Caller caller, LinkSpec spec, string? fromNode, string? toNode, IReadOnlyCollection<string> projectIds,
        CancellationToken ct)
    {
        Stewards.EnsureMayEditNetwork(caller);
        var from = await db.NodeAsync(fromNode, "from_node", ct);
        var to = await db.NodeAsync(toNode, "to_node", ct);
        var link = Link.Create(spec, from, to, Today);
        // Asked of the registry only once the link itself is valid: a refused geometry costs no remote call.
        link.WithProjects(projectIds.Count == 0 ? [] : await registry.RequireAsync(projectIds, "project_ids", ct));
        db.Links.Add(link);
        db.Publish(new LinkAdded(link.Id, link.Code, link.Name, Words.Of(link.Mode), Words.Of(link.Status), from.Id, to.Id,
            link.LengthKm, link.OwnerCountries, time.GetUtcNow()), link.Id);
        await db.SaveChangesAsync(ct);
        return link;
    }

    public async Task<Link> ChangeLinkStatusAsync(Caller caller, string? key, LinkStatus status, string? reason, DateOnly? effectiveOn,
        long expectedVersion, CancellationToken ct)
    {
        Stewards.EnsureMayEditNetwork(caller);
        var link = await db.LinkAsync(key, "link_id", ct);
        ConcurrencyException.ThrowIfStale("link", link.Code, expectedVersion, link.Version);
        var previous = link.Status;
        var on = effectiveOn ?? Today;
        link.ChangeStatus(status, reason, on, Today);
        var now = time.GetUtcNow();
        if (status == LinkStatus.Closed)
        {
            db.Publish(new LinkClosed(link.Id, link.Code, Words.Of(previous), link.StatusReason!, on, link.OwnerCountries, now), link.Id);
        }
        else if (previous == LinkStatus.Closed)
        {
            db.Publish(new LinkReopened(link.Id, link.Code, Words.Of(status), link.StatusReason!, on, link.OwnerCountries, now), link.Id);
        }
        else
        {
            db.Publish(new LinkStatusChanged(link.Id, link.Code, Words.Of(previous), Words.Of(status), link.StatusReason!, on,
                link.OwnerCountries, now), link.Id);
        }

        await db.SaveChangesAsync(ct);
        return link;
    }

    public async Task<Link> SetLinkProjectsAsync(Caller caller, string? key, IReadOnlyCollection<string> projectIds, long expectedVersion,
        CancellationToken ct)
    {
        Stewards.EnsureMayEditNetwork(caller);
        var link = await db.LinkAsync(key, "link_id", ct);
        var ids = projectIds.Count == 0 ? [] : await registry.RequireAsync(projectIds, "project_ids", ct);
        link.SetProjects(ids, expectedVersion);
        db.Publish(new LinkProjectsChanged(link.Id, link.Code, link.ProjectIds, link.Version, time.GetUtcNow()), link.Id);
        await db.SaveChangesAsync(ct);
        return link;
    }

    public async Task<(Corridor Corridor, Dictionary<Guid, Link> Links)> DefineCorridorAsync(Caller caller, string? code, string? name,
        string? description, IReadOnlyList<string> linkKeys, CancellationToken ct)
    {
        Stewards.EnsureMayEditNetwork(caller);
        if (linkKeys.Count > Corridor.MaxLinks)
        {
            throw new ValidationException("links", $"a corridor is at most {Corridor.MaxLinks} links");
        }

        var links = linkKeys.Count == 0 ? [] : await db.LinksAsync(linkKeys, "links", ct);
        var corridor = Corridor.Create(code, name, description, links);
        db.Corridors.Add(corridor);
        db.Publish(new CorridorDefined(corridor.Id, corridor.Code, corridor.Name, corridor.LinkIds, corridor.Origin, corridor.Destination,
            time.GetUtcNow()), corridor.Id);
        await db.SaveChangesAsync(ct);
        return (corridor, links.ToDictionary(l => l.Id));
    }

    public async Task<BorderCrossing> DeclareCrossingAsync(Caller caller, NewCrossing request, CancellationToken ct)
    {
        Stewards.EnsureMayEditNetwork(caller);
        var link = await db.LinkAsync(request.Link, "link", ct);
        var a = await db.Nodes.SingleAsync(n => n.Id == link.FromNodeId, ct);
        var b = await db.Nodes.SingleAsync(n => n.Id == link.ToNodeId, ct);
        if (await db.BorderCrossings.AnyAsync(c => c.LinkId == link.Id, ct))
        {
            throw new ConflictException($"Link {link.Code} is a border crossing already.");
        }

        var crossing = BorderCrossing.Create(request.Code, request.Name, link, a, b, request.OpenedOn, request.HoursA, request.HoursB,
            request.WindowA, request.WindowB, Today);
        db.BorderCrossings.Add(crossing);
        db.Publish(new BorderCrossingDeclared(crossing.Id, crossing.Code, crossing.Name, link.Id, crossing.CountryA, crossing.CountryB,
            time.GetUtcNow()), crossing.Id);
        await db.SaveChangesAsync(ct);
        return crossing;
    }

    public async Task<CrossingPerformance> RecordPerformanceAsync(Caller caller, NewPerformance request, CancellationToken ct)
    {
        Stewards.EnsureMayReportFor(caller, request.Country);
        var crossing = await db.CrossingAsync(request.Crossing, "crossing", ct);
        var record = CrossingPerformance.Create(crossing, request.Country, request.Period, request.Import, request.Export, request.Transit, Today);
        var periods = await db.CrossingPerformance.Where(p => p.CrossingId == crossing.Id).ToListAsync(ct);
        if (periods.Any(p => p.Country == record.Country && p.Period == record.Period))
        {
            throw new ConflictException($"{record.Country} has reported {record.Period} for {crossing.Code} already.");
        }

        db.CrossingPerformance.Add(record);
        crossing.Recompute([.. periods, record]);
        db.Publish(new CrossingPerformanceRecorded(crossing.Id, crossing.Code, record.Country, record.Period, record.Import.MedianHours,
            record.Export.MedianHours, record.Transit.MedianHours, crossing.DwellHoursAToB, crossing.DwellHoursBToA, time.GetUtcNow()),
            crossing.Id);
        await db.SaveChangesAsync(ct);
        return record;
    }
}
