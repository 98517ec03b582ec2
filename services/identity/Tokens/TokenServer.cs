using Lmc.BuildingBlocks.Auth;
using Lmc.Identity.Data;
using Lmc.Identity.Seed;
using Lmc.Identity.Signing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OpenIddict.Server;

namespace Lmc.Identity.Tokens;

/// <summary>The OpenIddict token server (section <c>Identity</c>).</summary>
public sealed class TokenServerOptions
{
    public const string Section = "Identity";

    /// <summary>The issuer URL put in every token and the discovery document; what services set as Auth:Authority.</summary>
    public Uri Issuer { get; set; } = new("http://localhost:5001/");

    /// <summary>Short-lived: a leaked token is worth little, and a revoked role takes effect soon.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Creates the development clients (every country and role) at start. Never in production.</summary>
    public bool SeedDevelopmentClients { get; set; }
}

public static class TokenServer
{
    public static WebApplicationBuilder AddLmcTokenServer(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TokenServerOptions.Section).Get<TokenServerOptions>() ?? new TokenServerOptions();
        // The development clients have published secrets (dev-admin among them): never outside development.
        if (options.SeedDevelopmentClients && !builder.Environment.IsDevelopment() && !builder.Environment.IsEnvironment("Testing"))
        {
            throw new InvalidOperationException(
                $"Identity:SeedDevelopmentClients is set in the {builder.Environment.EnvironmentName} environment; the development clients' secrets are public, so they exist only in Development and Testing.");
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddOptions<SigningKeyOptions>().BindConfiguration(SigningKeyOptions.Section);
        builder.Services.AddSingleton<SigningKeyRing>();
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, SigningKeyServerOptions>();
        builder.Services.AddHostedService<SigningKeyRotation>();

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(options.Issuer);
                server.SetTokenEndpointUris("connect/token");
                server.AllowClientCredentialsFlow();
                server.SetAccessTokenLifetime(options.AccessTokenLifetime);
                server.RegisterScopes([.. LmcScopes.All]);
                // Access tokens are plain signed JWTs (RFC 9068) that any service or OIDC-aware
                // gateway validates from the JWKS; nothing else is issued, so the encryption key
                // OpenIddict requires protects no token and may be ephemeral.
                server.DisableAccessTokenEncryption();
                server.AddEphemeralEncryptionKey();
                // Self-contained tokens, short-lived: no row per token to write, look up or purge.
                server.DisableTokenStorage();
                // TLS ends at the ingress; inside the cluster the issuer is reached over HTTP.
                server.UseAspNetCore().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
            });

        // The admin API validates tokens with the ring's keys directly instead of fetching its
        // own discovery document over HTTP.
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyRing>((jwt, ring) =>
            {
                var issuer = options.Issuer.AbsoluteUri;
                jwt.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(new OpenIdConnectConfiguration { Issuer = issuer });
                jwt.RequireHttpsMetadata = false; // no metadata is fetched at all
                jwt.TokenValidationParameters.ValidIssuer = issuer;
                jwt.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, _, _) => ring.SigningOrder;
            });
        return builder;
    }

    /// <summary>Before serving: a signing key exists and is loaded; in development, the development clients exist.</summary>
    public static async Task PrepareAsync(IServiceProvider services)
    {
        await services.GetRequiredService<SigningKeyRing>().RotateIfDueAsync();
        if (services.GetRequiredService<TokenServerOptions>().SeedDevelopmentClients)
        {
            await DevelopmentClients.SeedAsync(services);
        }
    }
}
