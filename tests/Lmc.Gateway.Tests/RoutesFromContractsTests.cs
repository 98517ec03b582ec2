using System.Net;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf.Reflection;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Hosting;
using Lmc.Gateway.Routing;
using Lmc.Testing;

namespace Lmc.Gateway.Tests;

/// <summary>
/// Every RPC of every proto the contracts compile is routed by the gateway to its service, over gRPC and
/// over each REST binding, with the policy its verb implies: a GET needs the service's read policy, anything
/// else its write policy. The cases come from the descriptors and manifests, so a new service is covered
/// without a line of test code.
/// </summary>
public sealed partial class RoutesFromContractsTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    public sealed record Operation(string Service, string Rpc, string Verb, string Path, bool Grpc)
    {
        public override string ToString() => $"{Service} {Rpc} {(Grpc ? "gRPC" : Verb)} {Path}";
    }

    private static readonly IReadOnlyList<ServiceManifest> Manifests = ServiceManifests.FromRepository();

    private static readonly IReadOnlyList<FileDescriptor> Files = ProtoContracts.Load();

    public static TheoryData<Operation> Operations()
    {
        var data = new TheoryData<Operation>();
        foreach (var file in Files.Where(f => f.Services.Count > 0))
        {
            var owner = Manifests.Single(m => m.Proto == file.Package).Name;
            foreach (var method in file.Services.SelectMany(s => s.Methods))
            {
                var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
                var verb = rule is null ? "POST" : VerbOf(rule);
                data.Add(new Operation(owner, method.FullName, verb, $"/{method.Service.FullName}/{method.Name}", Grpc: true));
                foreach (var binding in rule is null ? [] : new[] { rule }.Concat(rule.AdditionalBindings))
                {
                    data.Add(new Operation(owner, method.FullName, VerbOf(binding), Concrete(PathOf(binding)), Grpc: false));
                }
            }
        }

        return data;
    }

    [Fact]
    public void Every_proto_package_with_services_belongs_to_a_manifest_and_every_rpc_has_an_http_rule()
    {
        var services = Files.Where(f => f.Services.Count > 0).ToList();
        Assert.NotEmpty(services);
        Assert.All(services, f => Assert.Contains(Manifests, m => m.Proto == f.Package));
        var withoutRule = services.SelectMany(f => f.Services).SelectMany(s => s.Methods)
            .Where(m => m.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is null).Select(m => m.FullName);
        Assert.Empty(withoutRule);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Each_operation_reaches_its_service_with_the_policy_its_verb_implies(Operation operation)
    {
        var manifest = Manifests.Single(m => m.Name == operation.Service);
        var expected = operation.Verb == "GET" ? manifest.ReadPolicy : manifest.WritePolicy;
        // A reader holds the service's read scope and no admin role; a writer its write scope and admin.
        var reader = TestTokens.Mint("TH", [LmcRoles.Secretariat], subject: "reader", scopes: [LmcScopes.Read(manifest.Name)]);
        var writer = TestTokens.Mint(null, [LmcRoles.Admin], subject: "writer", scopes: [LmcScopes.Write(manifest.Name)]);

        var asReader = await SendAsync(operation, reader);
        var asWriter = await SendAsync(operation, writer);

        Assert.True(asWriter.Reached, $"{operation}: a writer was answered {asWriter.Status} by the gateway");
        if (expected == LmcPolicies.ReadPrefix + manifest.Name)
        {
            Assert.True(asReader.Reached, $"{operation}: a reader was answered {asReader.Status} by the gateway");
        }
        else
        {
            Assert.False(asReader.Reached, $"{operation}: a reader reached the service; it needs {expected}");
            // gRPC callers are refused in gRPC's terms (status 7 in a trailers-only response), REST callers with a 403.
            Assert.Equal(operation.Grpc ? "grpc-status 7" : "403", asReader.Status);
        }
    }

    [Fact]
    public async Task A_path_no_proto_declares_is_not_routed()
    {
        var token = TestTokens.Mint("TH", [LmcRoles.Secretariat], subject: "stray");
        var before = gateway.Downstream.Received.Count;

        var response = await gateway.Client(token).GetAsync("/api/v1/projects/p1/no-such-collection");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, gateway.Downstream.Received.Count);
    }

    private async Task<(bool Reached, string Status)> SendAsync(Operation operation, string token)
    {
        var before = gateway.Downstream.Received.Count(r => r.Method == operation.Verb && r.Path == operation.Path);
        using var request = new HttpRequestMessage(operation.Grpc ? HttpMethod.Post : new HttpMethod(operation.Verb), operation.Path);
        if (operation.Grpc)
        {
            request.Version = HttpVersion.Version20;
            request.Content = new ByteArrayContent([0, 0, 0, 0, 0]);
            request.Content.Headers.ContentType = new("application/grpc");
        }
        else if (operation.Verb != "GET")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await gateway.Client(token).SendAsync(request);
        var method = operation.Grpc ? "POST" : operation.Verb;
        var after = gateway.Downstream.Received.Count(r => r.Method == method && r.Path == operation.Path);
        var status = operation.Grpc && response.Headers.TryGetValues("grpc-status", out var grpcStatus)
            ? "grpc-status " + grpcStatus.Single()
            : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (after > before, status);
    }

    private static string VerbOf(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => "GET",
        HttpRule.PatternOneofCase.Post => "POST",
        HttpRule.PatternOneofCase.Put => "PUT",
        HttpRule.PatternOneofCase.Patch => "PATCH",
        HttpRule.PatternOneofCase.Delete => "DELETE",
        _ => rule.Custom.Kind.ToUpperInvariant(),
    };

    private static string PathOf(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => rule.Get,
        HttpRule.PatternOneofCase.Post => rule.Post,
        HttpRule.PatternOneofCase.Put => rule.Put,
        HttpRule.PatternOneofCase.Patch => rule.Patch,
        HttpRule.PatternOneofCase.Delete => rule.Delete,
        _ => rule.Custom.Path,
    };

    /// <summary>A request path the template matches: each variable filled with a sample value.</summary>
    private static string Concrete(string template) => Variable().Replace(template, "v1x");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Variable();
}
