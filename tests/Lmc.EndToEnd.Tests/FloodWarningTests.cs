using System.Globalization;
using System.Net;
using Lmc.Testing;

namespace Lmc.EndToEnd.Tests;

/// <summary>
/// Paras 47 and 79 across the platform, through the gateway: Thailand's water focal point reports a rise at Nakhon
/// Phanom past its 12.0 m flood level; the flood warning is in all six members' inboxes and in the CAP feed with the
/// observation, and on the broker health surveillance puts Nakhon Phanom (TH-48) and Khammouane (LA-KH) under
/// heightened surveillance of the diseases that follow floods. Each country acknowledges only its own copy.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class FloodWarningTests(PlatformFixture platform)
{
    private static readonly string[] Members = ["kh", "cn", "la", "mm", "th", "vn"];

    [Fact]
    public async Task A_rise_at_Nakhon_Phanom_is_a_warning_in_six_inboxes_and_a_watched_unit_in_health_surveillance()
    {
        var thai = new GatewayRest(platform.Gateway.Http, await platform.TokenAsync("dev-th-water-focal-point"));
        var hour = DateTimeOffset.UtcNow.AddMinutes(-DateTimeOffset.UtcNow.Minute);
        var levels = new[] { 11.4, 11.7, 11.95, 12.15, 12.35 };
        var values = string.Join(",", levels.Select((level, i) => string.Create(CultureInfo.InvariantCulture,
            $$"""{ "time": "{{hour.AddHours(i - levels.Length).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}", "value": {{level}} }""")));

        var ingest = await thai.PostAsync("/api/v1/water-resources/observations:bulk",
            $$"""{ "station": "LMC-NAK", "property": "water-level", "unit": "m", "values": [ {{values}} ] }""");

        var warning = ingest.GetProperty("summary").GetProperty("warnings").EnumerateArray().Single(w => w.GetProperty("kind").GetString() == "WARNING_KIND_FLOOD");
        var id = warning.GetProperty("warningId").GetString()!;
        Assert.Equal(12.0, warning.GetProperty("thresholdM").GetDouble());
        foreach (var country in Members)
        {
            var inbox = await new GatewayRest(platform.Gateway.Http, await platform.TokenAsync($"dev-{country}-secretariat"))
                .GetAsync("/api/v1/water-resources/inbox?unacknowledgedOnly=true");
            Assert.Contains(inbox.GetProperty("items").EnumerateArray(), i => i.GetProperty("warning").GetProperty("warningId").GetString() == id);
        }

        var lao = new GatewayRest(platform.Gateway.Http, await platform.TokenAsync("dev-la-water-focal-point"));
        var acknowledged = await lao.PostAsync($"/api/v1/water-resources/warnings/{id}:acknowledge", """{ "note": "Khammouane informed" }""");
        Assert.Equal("COUNTRY_LA", acknowledged.GetProperty("delivery").GetProperty("country").GetString());
        var (othersInbox, _) = await lao.SendGetAsync("/api/v1/water-resources/inbox?country=COUNTRY_TH");
        Assert.Equal(HttpStatusCode.Forbidden, othersInbox);

        using var cap = new HttpClient();
        cap.DefaultRequestHeaders.Authorization = new("Bearer", await platform.TokenAsync("dev-vn-secretariat"));
        var feed = await cap.GetStringAsync(new Uri(platform.Gateway.Http, "/api/v1/water-resources/cap"));
        Assert.Contains($"lmc-water-resources-{Guid.Parse(id):N}", feed, StringComparison.Ordinal);

        var health = new GatewayRest(platform.Gateway.Http, await platform.TokenAsync("dev-th-health-focal-point"));
        var watched = await Eventually.ReturnsAsync(async () =>
        {
            var watches = (await health.GetAsync("/api/v1/heightened-surveillance?activeOnly=true")).GetProperty("watches").EnumerateArray()
                .Where(w => w.GetProperty("warningId").GetString() == id).Select(w => w.GetProperty("unit").GetString()!).Order().ToList();
            return watches.Count == 2 ? watches : null;
        }, TimeSpan.FromSeconds(30));
        Assert.Equal(["LA-KH", "TH-48"], watched);
    }
}
