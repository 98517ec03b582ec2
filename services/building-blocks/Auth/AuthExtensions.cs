using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Lmc.BuildingBlocks.Auth;

public static class AuthExtensions
{
    /// <summary>
    /// JWT bearer validation from configuration and a fallback policy that requires an
    /// authenticated caller: every endpoint is closed unless it says otherwise.
    /// </summary>
    public static IHostApplicationBuilder AddLmcAuthentication(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddSingleton(options);

        // Decided here, not inside the options callback, so a misconfigured service fails at start
        // instead of on its first request.
        var useAuthority = !string.IsNullOrWhiteSpace(options.Authority);
        if (!useAuthority)
        {
            if (string.IsNullOrWhiteSpace(options.DevelopmentSigningKey))
            {
                throw new InvalidOperationException("Configure Auth:Authority (the token issuer) or, in development, Auth:DevelopmentSigningKey.");
            }

            if (!builder.Environment.IsDevelopment() && !builder.Environment.IsEnvironment("Testing"))
            {
                throw new InvalidOperationException(
                    "Auth:DevelopmentSigningKey is for Development and Testing only; set Auth:Authority to the token issuer.");
            }
        }

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                // Keep the token's own claim names (sub, lmc_country, lmc_role) instead of the
                // legacy SOAP URIs the handler maps them to by default.
                jwt.MapInboundClaims = false;
                if (options.ValidatedTokenCache > TimeSpan.Zero)
                {
                    jwt.TokenHandlers.Clear();
                    jwt.TokenHandlers.Add(new CachingTokenHandler(TimeProvider.System, options.ValidatedTokenCache) { MapInboundClaims = false });
                }

                jwt.Audience = options.Audience;
                jwt.TokenValidationParameters.NameClaimType = LmcClaims.Subject;
                jwt.TokenValidationParameters.RoleClaimType = LmcClaims.Role;
                jwt.TokenValidationParameters.ValidAudience = options.Audience;
                jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);

                if (useAuthority)
                {
                    jwt.Authority = options.Authority;
                    jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
                }
                else
                {
                    jwt.TokenValidationParameters.ValidIssuer = options.Issuer;
                    jwt.TokenValidationParameters.IssuerSigningKey = DevelopmentKey(options.DevelopmentSigningKey!);
                    jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
                }
            });

        var authorization = builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        authorization.AddLmcPolicies();
        return builder;
    }

    public static SymmetricSecurityKey DevelopmentKey(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("Auth:DevelopmentSigningKey must be at least 32 bytes (base64).");
        }

        return new SymmetricSecurityKey(bytes) { KeyId = "lmc-development" };
    }
}
