using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Lmc.EndToEnd.Tests;

/// <summary>REST/JSON calls through the gateway as one caller, failing the test with the body when refused.</summary>
public sealed class GatewayRest(Uri gateway, string token)
{
    public async Task<JsonElement> PostAsync(string path, string json)
    {
        var (status, body) = await SendAsync(path, json);
        Assert.True(status == HttpStatusCode.OK, $"POST {path}: {(int)status} {body}");
        return body;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(string path, string json)
    {
        using var http = Client();
        var response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var http = Client();
        var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private HttpClient Client()
    {
        var http = new HttpClient { BaseAddress = gateway };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
