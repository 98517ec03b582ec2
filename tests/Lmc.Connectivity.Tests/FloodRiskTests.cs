using System.Text.Json;
using Lmc.BuildingBlocks.Auth;
using Lmc.Contracts.Connectivity.V1;
using Lmc.Testing;
using Lmc.WaterResources.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lmc.Connectivity.Tests.TestNetwork;
using static Lmc.Testing.TestTokens;

namespace Lmc.Connectivity.Tests;

/// <summary>
/// Water-resources' flood warnings, published on the real broker, put the road, rail and waterway links near the
/// warned reach at risk (listed, flagged on the GeoJSON, published as link-at-risk-changed), until the last warning
/// holding a link is lifted. The test network lies on 100 E; a reach of 5 km centred 0.05 degrees east of its node A
/// (5.5 km away) takes in, with the 2 km margin, the three links that end at A and nothing at the border, 111 km north.
/// </summary>
[Collection(ConnectivityServiceGroup.Name)]
public sealed class FloodRiskTests(ConnectivityServiceFactory service)
{
    private const string AtRiskChanged = "lmc.connectivity.link-at-risk-changed.v1";

    private static WarningIssued Issued(Guid id, string kind = "flood", double? longitude = 100.05) => new(
        id, kind, "LMC-TST", "Test gauge", "TH", "Mekong", 12.3, 12.0, 1, DateTimeOffset.UtcNow.AddHours(-1),
        DateTimeOffset.UtcNow.AddHours(-1), null, $"{kind} at the test gauge", ["TH-48"], 10.0, longitude, 5,
        DateTimeOffset.UtcNow.AddHours(-1));

    private static WarningLifted Lifted(Guid id, string kind = "flood") =>
        new(id, kind, "LMC-TST", "The test gauge is falling", 12.6, ["TH-48"], DateTimeOffset.UtcNow);

    /// <summary>Publishes on the real broker; the message id, to see when a consumer's inbox has taken it.</summary>
    private async Task<Guid> PublishAsync<T>(T message) where T : class
    {
        var id = NewId.NextGuid();
        await service.Services.GetRequiredService<IBus>().Publish(message, c => c.MessageId = id);
        return id;
    }

    /// <summary>Waits until the consumers have taken every message given (marking or not).</summary>
    private Task ConsumedAsync(params Guid[] messageIds) => Eventually.TrueAsync(() => service.InDatabaseAsync(
        async db => await db.InboxMessages.CountAsync(m => messageIds.Contains(m.MessageId)) == messageIds.Length));

    /// <summary>This network's links at risk, by code, with the warnings holding each.</summary>
    private async Task<Dictionary<string, List<string>>> AtRiskAsync(TestNetwork network)
    {
        var listed = await service.Client().ListLinksAtRiskAsync(
            new ListLinksAtRiskRequest(), Bearer(For("VN", LmcRoles.Secretariat)));
        return listed.Links.Where(l => l.Link.Code.StartsWith(network.Prefix, StringComparison.Ordinal))
            .ToDictionary(l => l.Link.Code, l => l.Warnings.Select(w => w.WarningId).ToList());
    }

    private Task<Dictionary<string, List<string>>> AtRiskAsync(
        TestNetwork network, Func<Dictionary<string, List<string>>, bool> done) =>
        Eventually.ReturnsAsync(async () => await AtRiskAsync(network) is var r && done(r) ? r : null);

    /// <summary>The link-at-risk-changed events in the outbox for this network's links, as (code, at risk).</summary>
    private Task<List<(string Code, bool AtRisk)>> ChangesAsync(TestNetwork network) =>
        service.InDatabaseAsync(async db =>
        {
            var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.EventName == AtRiskChanged)
                .OrderBy(m => m.Sequence).Select(m => m.Payload).ToListAsync();
            return rows.Select(p => JsonDocument.Parse(p).RootElement)
                .Select(e => (e.GetProperty("code").GetString()!, e.GetProperty("atRisk").GetBoolean()))
                .Where(c => c.Item1.StartsWith(network.Prefix, StringComparison.Ordinal)).ToList();
        });

    [Fact]
    public async Task A_flood_warning_puts_the_road_rail_and_waterway_links_near_its_reach_at_risk_and_says_so_once()
    {
        var network = await BuildAsync(service.Client());
        var warning = Guid.NewGuid();

        await PublishAsync(Issued(warning));
        var atRisk = await AtRiskAsync(network, r => r.Count > 0);

        Assert.Equal([network.OldRoadAX1, network.RailAB, network.RoadAX1], atRisk.Keys.Order());
        Assert.All(atRisk.Values, w => Assert.Equal([warning.ToString()], w));
        var changes = await ChangesAsync(network);
        Assert.Equal(3, changes.Count);
        Assert.All(changes, c => Assert.True(c.AtRisk));

        using var layer = await service.RestClient(For("TH", LmcRoles.Secretariat)).GetAsync(
            "/api/v1/connectivity/collections/links/items?bbox=99.9,9.9,100.1,12.1");
        using var json = JsonDocument.Parse(await layer.Content.ReadAsStringAsync());
        var flags = json.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties"))
            .Where(p => p.GetProperty("code").GetString()!.StartsWith(network.Prefix, StringComparison.Ordinal))
            .ToDictionary(p => p.GetProperty("code").GetString()!, p => p.GetProperty("atRisk").GetBoolean());
        Assert.True(flags[network.RailAB]);
        Assert.False(flags[network.Crossing]);
    }

    [Fact]
    public async Task A_link_under_two_warnings_stays_at_risk_until_both_are_lifted()
    {
        var network = await BuildAsync(service.Client());
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await PublishAsync(Issued(first));
        await PublishAsync(Issued(second, kind: "alarm", longitude: 100.04));
        await AtRiskAsync(network, r => r.Count == 3 && r.Values.All(w => w.Count == 2));

        await PublishAsync(Lifted(first));
        var afterFirst = await AtRiskAsync(network, r => r.Values.All(w => w.Count == 1));
        Assert.Equal(3, afterFirst.Count);
        Assert.All(afterFirst.Values, w => Assert.Equal([second.ToString()], w));

        await PublishAsync(Lifted(second, "alarm"));
        await AtRiskAsync(network, r => r.Count == 0);
        var changes = await ChangesAsync(network);
        // Three when the first marked them, none for the second (at risk already), three when the last was lifted.
        Assert.Equal(6, changes.Count);
        Assert.Equal(3, changes.Count(c => !c.AtRisk));
    }

    [Fact]
    public async Task Droughts_warnings_without_a_place_and_a_warning_lifted_before_it_arrived_mark_nothing()
    {
        var network = await BuildAsync(service.Client());
        var drought = Guid.NewGuid();
        var nowhere = Guid.NewGuid();
        var late = Guid.NewGuid();

        var consumed = new[]
        {
            await PublishAsync(Issued(drought, kind: "drought")),
            await PublishAsync(Issued(nowhere, longitude: null)),
            await PublishAsync(Lifted(late)),
        };
        await ConsumedAsync(consumed);
        await ConsumedAsync(await PublishAsync(Issued(late)));

        Assert.Empty(await AtRiskAsync(network));
        Assert.Empty(await ChangesAsync(network));
        var kept = await service.InDatabaseAsync(db => db.FloodRisks.AsNoTracking()
            .Where(r => r.WarningId == drought || r.WarningId == nowhere || r.WarningId == late).ToListAsync());
        var lifted = Assert.Single(kept);
        Assert.Equal(late, lifted.WarningId);
        Assert.Empty(lifted.LinkIds);
        Assert.False(lifted.Active);
    }
}
