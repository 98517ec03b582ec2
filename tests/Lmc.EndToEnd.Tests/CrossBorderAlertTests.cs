using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Lmc.EndToEnd.Tests;

/// <summary>
/// Para 79 across the platform, through the gateway: a dengue surge in Savannakhet (Lao PDR,
/// LA-SV) raises a signal, Lao PDR's focal point verifies it, and Thailand and Viet Nam, across
/// that border, find the notice in their inboxes and on the broker.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class CrossBorderAlertTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_surge_in_a_lao_border_province_reaches_the_focal_points_across_the_border()
    {
        var lao = new GatewayRest(platform.Gateway.Http, await platform.TokenAsync("dev-la-health-focal-point"));
        var thai = new GatewayRest(platform.Gateway.Http, await platform.TokenAsync("dev-th-health-focal-point"));
        var vietnamese = new GatewayRest(platform.Gateway.Http, await platform.TokenAsync("dev-vn-health-focal-point"));
        await using var subscriber = await EventSubscriber.SubscribeAsync(platform.Infrastructure.RabbitMqUri, "lmc.health-surveillance.cross-border-notice.v1");

        // Twenty ordinary weeks, then last week four times the usual: recent, so it opens an alert.
        var lastWeek = DateTime.UtcNow.Date.AddDays(-7);
        var weeks = new StringBuilder();
        for (var back = 20; back >= 1; back--)
        {
            var day = lastWeek.AddDays(-7 * back);
            weeks.Append($$"""{ "disease": "dengue", "unit": "LA-SV", "epiYear": {{ISOWeek.GetYear(day)}}, "epiWeek": {{ISOWeek.GetWeekOfYear(day)}}, "cases": {{14 + (back % 3)}} },""");
        }

        await lao.PostAsync("/api/v1/weekly-reports:bulk", $$"""{ "values": [ {{weeks.ToString().TrimEnd(',')}} ] }""");
        var surge = await lao.PostAsync("/api/v1/weekly-reports",
            $$"""{ "value": { "disease": "dengue", "unit": "LA-SV", "epiYear": {{ISOWeek.GetYear(lastWeek)}}, "epiWeek": {{ISOWeek.GetWeekOfYear(lastWeek)}}, "cases": 64 } }""");
        var signals = surge.GetProperty("result").GetProperty("signals").EnumerateArray().ToList();
        Assert.Contains(signals, s => s.GetProperty("method").GetString() == "EARS_C1");
        var alertId = signals.First(s => s.GetProperty("method").GetString() == "EARS_C1").GetProperty("alertId").GetString()!;

        var verified = await lao.PostAsync($"/api/v1/alerts/{alertId}:verify", """{ "outcome": "VERIFICATION_OUTCOME_ASSESS", "note": "NS1-positive cluster near the bridge" }""");
        Assert.Equal("ALERT_STATUS_VERIFIED", verified.GetProperty("alert").GetProperty("status").GetString());

        var inbox = await thai.GetAsync("/api/v1/cross-border-notices?unacknowledgedOnly=true");
        var notice = inbox.GetProperty("notices").EnumerateArray().Single(n => n.GetProperty("alertId").GetString() == alertId);
        Assert.Equal(["TH-49"], notice.GetProperty("facingUnits").EnumerateArray().Select(u => u.GetString()));
        var vietnamInbox = await vietnamese.GetAsync("/api/v1/cross-border-notices");
        Assert.Contains(vietnamInbox.GetProperty("notices").EnumerateArray(), n => n.GetProperty("alertId").GetString() == alertId);

        var published = await subscriber.ReceiveAsync(m => m.GetProperty("alertId").GetString() == alertId && m.GetProperty("toCountry").GetString() == "TH",
            TimeSpan.FromSeconds(30));
        Assert.Equal("LA-SV", published.Event.GetProperty("unit").GetString());

        await thai.PostAsync($"/api/v1/cross-border-notices/{notice.GetProperty("id").GetString()}:acknowledge", "{}");
        var after = await thai.GetAsync("/api/v1/cross-border-notices?unacknowledgedOnly=true");
        Assert.DoesNotContain(after.GetProperty("notices").EnumerateArray(), n => n.GetProperty("alertId").GetString() == alertId);
    }
}
