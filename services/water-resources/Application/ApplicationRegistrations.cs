using Lmc.WaterResources.Domain;

namespace Lmc.WaterResources.Application;

public static class ApplicationRegistrations
{
    /// <summary>The shipped catalogue and water-quality indices, the rules' use cases and the warning sweep.</summary>
    public static WebApplicationBuilder AddWaterApplication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WarningOptions>().BindConfiguration(WarningOptions.Section);
        // The stations and properties ship in the service's Seed folder.
        builder.Services.AddSingleton(_ => Catalogue.Parse(
            file => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", file))));
        builder.Services.AddSingleton(services => WaterQualityRules.Parse(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", "water-quality.json")),
            services.GetRequiredService<Catalogue>()));
        builder.Services.AddScoped<StationMonitor>().AddScoped<ObservationCommands>().AddScoped<StationCommands>()
            .AddScoped<WarningCommands>().AddScoped<WaterQueries>()
            .AddScoped<WaterQualityQueries>();
        builder.Services.AddHostedService<WarningSweep>();
        return builder;
    }
}
