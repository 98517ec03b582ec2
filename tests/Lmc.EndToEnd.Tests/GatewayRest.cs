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
        return (response.StatusCode, Json(text, $"POST {path}", response.StatusCode));
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var http = Client();
        var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return Json(text, $"GET {path}", response.StatusCode);
    }

    /// <summary>A GET whose refusal is the point: its status and body, whatever they are.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> SendGetAsync(string path)
    {
        using var http = Client();
        var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, Json(text, $"GET {path}", response.StatusCode));
    }

    /// <summary>The body as JSON; a body that is not JSON fails with the status and the text, not a parser error.</summary>
    private static JsonElement Json(string text, string call, HttpStatusCode status)
    {
        if (text.Length == 0)
        {
            return default;
        }

        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            Assert.Fail($"{call}: {(int)status} with a body that is not JSON: {text}");
            throw;
        }
    }

    private HttpClient Client()
    {
        var http = new HttpClient { BaseAddress = gateway };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
