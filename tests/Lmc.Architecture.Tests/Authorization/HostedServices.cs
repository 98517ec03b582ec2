using Grpc.Net.Client;
using Lmc.BuildingBlocks.Data;
using Lmc.BuildingBlocks.Hosting;
using Lmc.Testing;
using Lmc.BuildingBlocks.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Lmc.Architecture.Tests.Authorization;

/// <summary>A service hosted in-process from its manifest alone: what the matrix calls.</summary>
public interface IServiceUnderTest : IAsyncLifetime
{
    ServiceManifest Manifest { get; }

    GrpcChannel Channel();

    HttpClient RestClient(string? token);
}

/// <summary>
/// The shared test host (its own database and vhost, migrations, the development signing key) for any service: its
/// <c>Program</c> and its <see cref="LmcDbContext"/> are found in its assembly, so a new service is hosted unasked.
/// The services it calls are pointed at a closed port: a call that gets that far has passed authorization. Every host
/// trusts the tests' signing key, even one that otherwise trusts only its own keys (the identity service): the matrix
/// is about what a caller may do, not about whose signature its token carries.
/// </summary>
internal sealed class ManifestServiceFactory<TProgram, TDbContext>(ServiceManifest manifest)
    : ServiceFactory<TProgram, TDbContext>, IServiceUnderTest
    where TProgram : class
    where TDbContext : LmcDbContext
{
    public ServiceManifest Manifest => manifest;

    protected override string DatabaseName => manifest.Name;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var called in manifest.Calls)
        {
            builder.UseSetting($"services:{called}:http:0", "http://127.0.0.1:9");
            builder.UseSetting($"services:{called}:grpc:0", "http://127.0.0.1:9");
        }

        builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            jwt.ConfigurationManager = null;
            jwt.TokenValidationParameters.IssuerSigningKeyResolver = null;
            jwt.TokenValidationParameters.IssuerSigningKey = AuthExtensions.DevelopmentKey(TestEnvironment.SigningKey);
            jwt.TokenValidationParameters.ValidIssuer = TestEnvironment.Issuer;
        }));
    }
}

/// <summary>Every service with a manifest, started once for the matrix.</summary>
public sealed class HostedServices : IAsyncLifetime
{
    private readonly Dictionary<string, IServiceUnderTest> _services = [];

    public IServiceUnderTest this[string name] => _services[name];

    public async Task InitializeAsync()
    {
        foreach (var manifest in ServiceAssemblies.Manifests)
        {
            var assembly = ServiceAssemblies.Of(manifest);
            var program = assembly.GetType("Program")
                ?? throw new InvalidOperationException($"{manifest.Project} has no public Program class to host.");
            var context = assembly.GetTypes().Single(t => !t.IsAbstract && t.IsSubclassOf(typeof(LmcDbContext)));
            var factory = (IServiceUnderTest)Activator.CreateInstance(
                typeof(ManifestServiceFactory<,>).MakeGenericType(program, context), manifest)!;
            await factory.InitializeAsync();
            _services[manifest.Name] = factory;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var service in _services.Values)
        {
            await service.DisposeAsync();
        }
    }
}
