using System.Security.Claims;
using Lmc.BuildingBlocks.Auth;
using Lmc.Identity.Data;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Lmc.Identity.Tokens;

/// <summary>
/// POST /connect/token. OpenIddict has already authenticated the client (its id and secret) and
/// checked the grant type and scope permissions; this decides what the token says: the subject,
/// the client's country and roles, the granted scopes and the platform audience.
/// </summary>
public static class TokenEndpoint
{
    public static async Task<IResult> IssueAsync(HttpContext http, IdentityDbContext db, AuthOptions auth)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing.");
        if (!request.IsClientCredentialsGrantType())
        {
            return Refuse(Errors.UnsupportedGrantType, "Only the client credentials grant is supported.");
        }

        var profile = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == request.ClientId, http.RequestAborted);
        if (profile is null)
        {
            return Refuse(Errors.InvalidClient, "The client has no profile on the platform.");
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, LmcClaims.Role);
        identity.SetClaim(Claims.Subject, profile.ClientId);
        identity.SetClaim(Claims.Name, profile.DisplayName);
        if (profile.Country is not null)
        {
            identity.SetClaim(LmcClaims.Country, profile.Country);
        }

        identity.SetClaims(LmcClaims.Role, [.. profile.Roles]);
        var requested = request.GetScopes();
        identity.SetScopes(requested.IsEmpty ? profile.Scopes : requested.Intersect(profile.Scopes, StringComparer.Ordinal));
        identity.SetResources(auth.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
