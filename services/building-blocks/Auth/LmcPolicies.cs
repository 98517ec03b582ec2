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
    public const string FocalPoint = "focal-point";
    public const string Admin = "admin";

    /// <summary>Prefix of the read policies; constant so attributes can name them: <c>ReadPrefix + "projects"</c>.</summary>
    public const string ReadPrefix = "read:";

    public const string WritePrefix = "write:";

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

    public static void AddLmcPolicies(this AuthorizationBuilder authorization)
    {
        authorization.Services.AddSingleton<IAuthorizationPolicyProvider, LmcPolicyProvider>();
        authorization.AddPolicy(MemberSecretariat, p => p.RequireAuthenticatedUser()
            .RequireClaim(LmcClaims.Role, LmcRoles.Secretariat)
            .RequireAssertion(c => MemberCountries.IsMember(c.User.FindFirst(LmcClaims.Country)?.Value)));
        authorization.AddPolicy(FundManager, p => p.RequireAuthenticatedUser().RequireClaim(LmcClaims.Role, LmcRoles.FundManager));
        authorization.AddPolicy(FocalPoint, p => p.RequireAuthenticatedUser()
            .RequireClaim(LmcClaims.Role, LmcRoles.HealthFocalPoint, LmcRoles.WaterFocalPoint, LmcRoles.AnimalHealthFocalPoint)
            .RequireAssertion(c => MemberCountries.IsMember(c.User.FindFirst(LmcClaims.Country)?.Value)));
        authorization.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireClaim(LmcClaims.Role, LmcRoles.Admin));
    }

    private static bool HasScope(AuthorizationHandlerContext context, string scope) =>
        context.User.FindAll(LmcClaims.Scope).Any(c => c.Value.Split(' ').Contains(scope, StringComparer.Ordinal));
}

/// <summary>The named policies, and a scope policy for any <c>read:</c> or <c>write:</c> name (made once, then kept).</summary>
internal sealed class LmcPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AuthorizationPolicy?> _scopes = new();

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
        await base.GetPolicyAsync(policyName) ?? _scopes.GetOrAdd(policyName, LmcPolicies.ScopePolicy);
}
