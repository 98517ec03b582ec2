using Lmc.BuildingBlocks.Domain;
using Microsoft.AspNetCore.Authorization;

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

    /// <summary>Reading a service's API: its read or write scope.</summary>
    private static string Read(string service) => ReadPrefix + service;

    /// <summary>Changing through a service's API: its write scope.</summary>
    private static string Write(string service) => WritePrefix + service;

    public static void AddLmcPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var service in LmcScopes.Services)
        {
            authorization.AddPolicy(Read(service), p => p.RequireAuthenticatedUser()
                .RequireAssertion(c => HasScope(c, LmcScopes.Read(service)) || HasScope(c, LmcScopes.Write(service))));
            authorization.AddPolicy(Write(service), p => p.RequireAuthenticatedUser()
                .RequireAssertion(c => HasScope(c, LmcScopes.Write(service))));
        }

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
