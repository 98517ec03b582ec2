using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.Connectivity.Contracts;
using Lmc.Connectivity.Data;
using Lmc.Connectivity.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Connectivity.Application;

public sealed record NewPlanItem(string? Code, string? Title, StrategicArea Area, string? Description, IReadOnlyList<TargetSpec> Targets,
    IReadOnlyList<string> Links, IReadOnlyList<string> Corridors, IReadOnlyCollection<string> ProjectIds);

/// <summary>The JWG's connectivity plan (para 21): its items and their progress, each saved with its event.</summary>
public sealed class PlanCommands(ConnectivityDbContext db, TimeProvider time, ProjectRegistry registry)
{
    public async Task<PlanItem> AddAsync(Caller caller, NewPlanItem request, CancellationToken ct)
    {
        Stewards.EnsureMayEditNetwork(caller);
        var links = request.Links.Count == 0 ? [] : await db.LinksAsync(request.Links, "links", ct);
        var corridors = new List<Corridor>();
        foreach (var key in request.Corridors)
        {
            corridors.Add(await db.CorridorAsync(key, "corridors", ct));
        }

        var item = PlanItem.Create(request.Code, request.Title, request.Area, request.Description, request.Targets,
            [.. links.Select(l => l.Id)], [.. corridors.Select(c => c.Id)]);
        if (await db.PlanItems.AnyAsync(p => p.Code == item.Code, ct))
        {
            throw new ConflictException($"The plan has an item {item.Code} already.");
        }

        // The registry is asked last: a refused item costs no remote call.
        var projects = request.ProjectIds.Count == 0 ? [] : await registry.RequireAsync(request.ProjectIds, "project_ids", ct);
        item.WithProjects(projects);
        db.PlanItems.Add(item);
        db.Publish(new PlanItemAdded(item.Id, item.Code, item.Title, Words.Of(item.Area), item.Targets.Count, item.LinkIds, item.CorridorIds,
            item.ProjectIds, time.GetUtcNow()), item.Id);
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<PlanItem> RecordProgressAsync(Caller caller, string? key, string? indicator, double value, DateOnly? asOf,
        long expectedVersion, CancellationToken ct)
    {
        Stewards.EnsureMayEditNetwork(caller);
        var item = await db.PlanItemAsync(key, "item", ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var target = item.RecordProgress(indicator, value, asOf ?? today, today, expectedVersion);
        db.Publish(new PlanProgressRecorded(item.Id, item.Code, target.Indicator, target.Unit, value, target.LatestOn!.Value,
            Math.Round(target.Progress, 4), Math.Round(item.Progress, 4), time.GetUtcNow()), item.Id);
        await db.SaveChangesAsync(ct);
        return item;
    }
}
