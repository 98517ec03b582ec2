using Lmc.BuildingBlocks.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lmc.BuildingBlocks.Auth;

/// <summary>
/// The platform's named authorization policies, registered in every service and the gateway.
/// Policies decide what a caller may do in general; whether it may do it to this resource (its
/// own country's project, its own area) is checked against the resource (<see cref="Caller"/>).
/// </summary>
public static class LmcPolicies
{
    public const string MemberSecretariat = "member-secretariat";
    public const string FundManager = "fund-manager";
    /// <summary>A health focal point acting for a member country: who reports and verifies surveillance data.</summary>
    public const string HealthFocalPoint = "health-focal-point";
    public const string Admin = "admin";

    /// <summary>Prefix of the read policies; constant so attributes can name them: <c>ReadPrefix + "projects"</c>.</summary>
    public const string ReadPrefix = "read:";

    public const string WritePrefix = "write:";

    /// <summary>
    /// A JWG's own operations: <c>JwgPrefix + "connectivity"</c> is the policy of the <c>jwg:connectivity</c> role, for
    /// any area, so a new JWG's service needs no policy added here.
    /// </summary>
    public const string JwgPrefix = "jwg:";

    /// <summary>
    /// The scope policy a name stands for: <c>read:&lt;service&gt;</c> (its read or write scope) or
    /// <c>write:&lt;service&gt;</c> (its write scope), for any service, so no list of services is kept here.
    /// </summary>
    public static AuthorizationPolicy? ScopePolicy(string name)
    {
        if (name.StartsWith(ReadPrefix, StringComparison.Ordinal) && name.Length > ReadPrefix.Length)
        {
            var service = name[ReadPrefix.Length..];
            return new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .RequireAssertion(c => HasScope(c, LmcScopes.Read(service)) || HasScope(c, LmcScopes.Write(service))).Build();
        }

        if (name.StartsWith(WritePrefix, StringComparison.Ordinal) && name.Length > WritePrefix.Length)
        {
            var service = name[WritePrefix.Length..];
            return new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .RequireAssertion(c => HasScope(c, LmcScopes.Write(service))).Build();
        }

        return null;
    }

    /// <summary>The policy a <c>jwg:&lt;area&gt;</c> name stands for: membership of that area's joint working group.</summary>
    public static AuthorizationPolicy? JwgPolicy(string name) =>
        name.StartsWith(JwgPrefix, StringComparison.Ordinal) && name.Length > JwgPrefix.Length
            ? new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(LmcClaims.Role, name).Build()
            : null;

    public static void AddLmcPolicies(this AuthorizationBuilder authorization)
    {
        authorization.Services.AddSingleton<IAuthorizationPolicyProvider, LmcPolicyProvider>();
        authorization.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, RefusalHandler>();
        authorization.AddPolicy(MemberSecretariat, p => p.RequireAuthenticatedUser()
            .RequireClaim(LmcClaims.Role, LmcRoles.Secretariat)
            .RequireAssertion(c => MemberCountries.IsMember(c.User.FindFirst(LmcClaims.Country)?.Value)));
        authorization.AddPolicy(FundManager, p => p.RequireAuthenticatedUser().RequireClaim(LmcClaims.Role, LmcRoles.FundManager));
        authorization.AddPolicy(HealthFocalPoint, p => p.RequireAuthenticatedUser()
            .RequireClaim(LmcClaims.Role, LmcRoles.HealthFocalPoint)
            .RequireAssertion(c => MemberCountries.IsMember(c.User.FindFirst(LmcClaims.Country)?.Value)));
        authorization.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireClaim(LmcClaims.Role, LmcRoles.Admin));
    }

    /// <summary>What a policy asks of the caller, in words, for refusals.</summary>
    public static string Describe(string policy) => policy switch
    {
        MemberSecretariat => "the secretariat role, acting for a member country",
        FundManager => "the fund-manager role",
        HealthFocalPoint => "the health-focal-point role, acting for a member country",
        Admin => "the admin role",
        _ when policy.StartsWith(ReadPrefix, StringComparison.Ordinal) =>
            $"the {LmcScopes.Read(policy[ReadPrefix.Length..])} or {LmcScopes.Write(policy[ReadPrefix.Length..])} scope",
        _ when policy.StartsWith(WritePrefix, StringComparison.Ordinal) => $"the {LmcScopes.Write(policy[WritePrefix.Length..])} scope",
        _ when policy.StartsWith(JwgPrefix, StringComparison.Ordinal) => $"membership of the {policy[JwgPrefix.Length..]} JWG (role {policy})",
        _ => $"what policy {policy} requires",
    };

    private static bool HasScope(AuthorizationHandlerContext context, string scope) =>
        context.User.FindAll(LmcClaims.Scope).Any(c => c.Value.Split(' ').Contains(scope, StringComparer.Ordinal));
}

/// <summary>The named policies, and a policy for any <c>read:</c>, <c>write:</c> or <c>jwg:</c> name (made once, then kept).</summary>
internal sealed class LmcPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AuthorizationPolicy?> _scopes = new();

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
        await base.GetPolicyAsync(policyName) ?? _scopes.GetOrAdd(policyName, name => LmcPolicies.ScopePolicy(name) ?? LmcPolicies.JwgPolicy(name));
}
