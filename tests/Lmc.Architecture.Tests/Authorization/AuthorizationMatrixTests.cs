using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Lmc.BuildingBlocks.Auth;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Hosting;
using Lmc.Testing;
using Microsoft.AspNetCore.Authorization;

namespace Lmc.Architecture.Tests.Authorization;

/// <summary>
/// Every RPC of every service, called by every role of the platform, from a member country and from outside the
/// six, with write scopes and with read scopes only: refused by the service's authorization exactly when the rules
/// say, and otherwise let through to the operation itself. The rules are the contract's verb (a GET needs the
/// read scope, anything else the write scope) and the roles the implementation's attributes name, read here with
/// this test's own meaning of each policy; nothing in this file names a service, so a new one is covered unasked.
/// Whether a caller may act on a particular resource (its own country's project) is the service's own rule,
/// checked against the resource in that service's tests.
/// </summary>
public sealed class AuthorizationMatrixTests(HostedServices services) : IClassFixture<HostedServices>
{
    private const string Member = "TH";
    private const string Outsider = "US";

    public static TheoryData<string, string> Operations()
    {
        var data = new TheoryData<string, string>();
        foreach (var manifest in ServiceAssemblies.Manifests)
        {
            foreach (var method in Contract.MethodsOf(manifest))
            {
                data.Add(manifest.Name, method.FullName);
            }
        }

        return data;
    }

    /// <summary>Every role constant of the platform and every manifest's owner (a JWG's role), and no role at all.</summary>
    private static IReadOnlyList<string?> Roles() =>
    [
        null,
        .. typeof(LmcRoles).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
            .Concat(ServiceAssemblies.Manifests.Select(m => m.Owner))
            .Distinct(),
    ];

    [Fact]
    public void Every_service_with_a_manifest_has_operations_in_the_matrix()
    {
        var covered = Operations().Select(row => (string)row[0]).ToHashSet();
        Assert.All(ServiceAssemblies.Manifests, m => Assert.Contains(m.Name, covered));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Each_caller_is_refused_exactly_when_the_rules_say(string service, string operation)
    {
        var manifest = ServiceAssemblies.Manifest(service);
        var method = Contract.MethodsOf(manifest).Single(m => m.FullName == operation);
        var policies = Contract.PoliciesOf(manifest, method);
        var host = services[service];
        var mismatches = new List<string>();

        foreach (var role in Roles())
        {
            foreach (var country in new[] { Member, Outsider })
            {
                foreach (var readOnly in new[] { false, true })
                {
                    var scopes = readOnly ? LmcScopes.Services.Select(LmcScopes.Read) : LmcScopes.All;
                    var caller = new TestCaller(role, country, scopes.ToHashSet());
                    var expected = policies.FirstOrDefault(p => !Satisfies(p, caller));
                    var refused = await RefusedPolicyAsync(host, method, caller);
                    if (refused != expected)
                    {
                        mismatches.Add($"{caller}: expected {Describe(expected)}, got {Describe(refused)}");
                    }
                }
            }
        }

        Assert.True(mismatches.Count == 0,
            $"{operation} (policies {string.Join(", ", policies)}):\n" + string.Join('\n', mismatches));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_REST_caller_without_the_scope_gets_a_problem_naming_it(string service, string operation)
    {
        var manifest = ServiceAssemblies.Manifest(service);
        var method = Contract.MethodsOf(manifest).Single(m => m.FullName == operation);
        var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
        if (rule is null)
        {
            return; // gRPC only: the matrix above covers it
        }

        var (verb, path) = Contract.Concrete(rule);
        // Every role from a member country, and no scope of this platform: only the scope can be missing.
        var token = TestTokens.Mint(Member, Roles().OfType<string>(), scopes: ["unrelated:read"]);
        using var request = new HttpRequestMessage(new HttpMethod(verb), path);
        if (verb != "GET")
        {
            request.Content = JsonContent.Create(new { });
        }

        using var response = await services[service].RestClient(token).SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Contract.ScopePolicyOf(manifest, method), problem.RootElement.GetProperty("policy").GetString());
        Assert.Contains("scope", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The policy the service's authorization refused the call by, or null when the call got past it.</summary>
    private static async Task<string?> RefusedPolicyAsync(IServiceUnderTest host, MethodDescriptor method, TestCaller caller)
    {
        var call = new Method<IMessage, IMessage>(MethodType.Unary, method.Service.FullName, method.Name,
            Contract.Marshaller(method.InputType), Contract.Marshaller(method.OutputType));
        var headers = TestTokens.Bearer(TestTokens.Mint(caller.Country, caller.Role is null ? [] : [caller.Role], scopes: caller.Scopes));
        try
        {
            var request = method.InputType.Parser.ParseFrom(ByteString.Empty);
            var options = new CallOptions(headers, DateTime.UtcNow.AddSeconds(20));
            await host.Channel().CreateCallInvoker().AsyncUnaryCall(call, null, options, request);
            return null;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied
                                     && e.GetRpcStatus()?.GetDetail<ErrorInfo>() is { Reason: "POLICY_NOT_SATISFIED" } info)
        {
            return info.Metadata["policy"];
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Unauthenticated)
        {
            return null; // the operation itself answered: a bad request, a missing resource, its own rule
        }
    }

    /// <summary>This test's reading of the platform's policies, written from the design.</summary>
    private static bool Satisfies(string policy, TestCaller caller) => policy switch
    {
        LmcPolicies.Admin => caller.Role == LmcRoles.Admin,
        LmcPolicies.FundManager => caller.Role == LmcRoles.FundManager,
        LmcPolicies.MemberSecretariat => caller.Role == LmcRoles.Secretariat && MemberCountries.IsMember(caller.Country),
        LmcPolicies.HealthFocalPoint => caller.Role == LmcRoles.HealthFocalPoint && MemberCountries.IsMember(caller.Country),
        _ when policy.StartsWith(LmcPolicies.ReadPrefix, StringComparison.Ordinal) =>
            caller.Scopes.Contains(LmcScopes.Read(policy[LmcPolicies.ReadPrefix.Length..]))
            || caller.Scopes.Contains(LmcScopes.Write(policy[LmcPolicies.ReadPrefix.Length..])),
        _ when policy.StartsWith(LmcPolicies.WritePrefix, StringComparison.Ordinal) =>
            caller.Scopes.Contains(LmcScopes.Write(policy[LmcPolicies.WritePrefix.Length..])),
        _ when policy.StartsWith(LmcPolicies.JwgPrefix, StringComparison.Ordinal) => caller.Role == policy,
        _ => throw new InvalidOperationException($"The matrix does not know policy '{policy}': add its meaning to Satisfies."),
    };

    private static string Describe(string? refusedBy) => refusedBy is null ? "let through" : $"refused by '{refusedBy}'";

    private sealed record TestCaller(string? Role, string Country, IReadOnlySet<string> Scopes)
    {
        public override string ToString() =>
            $"{Role ?? "no role"} of {Country} with {(Scopes.Any(s => s.EndsWith(":write", StringComparison.Ordinal)) ? "write" : "read")} scopes";
    }

    /// <summary>What the contracts and the implementations say, found by reflection.</summary>
    private static class Contract
    {
        public static IEnumerable<MethodDescriptor> MethodsOf(ServiceManifest manifest) => ImplementationsOf(manifest)
            .SelectMany(i => Lmc.BuildingBlocks.Grpc.ContractAccess.ServiceOf(i).Methods);

        /// <summary>The scope the verb implies, worked out here again from the http rule rather than borrowed from the code under test.</summary>
        public static string ScopePolicyOf(ServiceManifest manifest, MethodDescriptor method)
        {
            var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
            var read = rule is not null && new[] { rule }.Concat(rule.AdditionalBindings).All(r => r.Get.Length > 0);
            return (read ? LmcPolicies.ReadPrefix : LmcPolicies.WritePrefix) + manifest.Name;
        }

        /// <summary>The scope policy (checked first: without it a client may do nothing here), then the roles the class and method name.</summary>
        public static IReadOnlyList<string> PoliciesOf(ServiceManifest manifest, MethodDescriptor method)
        {
            var implementation = ImplementationsOf(manifest)
                .Single(i => Lmc.BuildingBlocks.Grpc.ContractAccess.ServiceOf(i).FullName == method.Service.FullName);
            var overridden = implementation.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .SingleOrDefault(m => m.Name == method.Name && m.DeclaringType == implementation);
            var named = implementation.GetCustomAttributes<AuthorizeAttribute>()
                .Concat(overridden?.GetCustomAttributes<AuthorizeAttribute>() ?? [])
                .Select(a => a.Policy).OfType<string>();
            return [ScopePolicyOf(manifest, method), .. named.Distinct()];
        }

        /// <summary>An RPC's REST path with every variable filled in, for a request that gets as far as authorization.</summary>
        public static (string Verb, string Path) Concrete(HttpRule rule)
        {
            var (verb, template) = rule.PatternCase switch
            {
                HttpRule.PatternOneofCase.Get => ("GET", rule.Get),
                HttpRule.PatternOneofCase.Post => ("POST", rule.Post),
                HttpRule.PatternOneofCase.Put => ("PUT", rule.Put),
                HttpRule.PatternOneofCase.Patch => ("PATCH", rule.Patch),
                HttpRule.PatternOneofCase.Delete => ("DELETE", rule.Delete),
                _ => (rule.Custom.Kind.ToUpperInvariant(), rule.Custom.Path),
            };
            var path = System.Text.RegularExpressions.Regex.Replace(template, @"\{[^}]+\}", "00000000-0000-0000-0000-000000000001");
            return (verb, path);
        }

        public static Marshaller<IMessage> Marshaller(MessageDescriptor type) =>
            Marshallers.Create<IMessage>(m => m.ToByteArray(), bytes => type.Parser.ParseFrom(bytes));

        private static IEnumerable<Type> ImplementationsOf(ServiceManifest manifest) => ServiceAssemblies.Of(manifest).GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.BaseType?.GetCustomAttribute<BindServiceMethodAttribute>() is not null);
    }
}
