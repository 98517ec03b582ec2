using Lmc.HealthSurveillance.Domain;

namespace Lmc.HealthSurveillance.Application;

public static class ApplicationRegistrations
{
    /// <summary>The reference data, the threshold engine and the use cases.</summary>
    public static WebApplicationBuilder AddSurveillanceApplication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SurveillanceOptions>().BindConfiguration(SurveillanceOptions.Section);
        // The reference files ship in the service's Seed folder.
        builder.Services.AddSingleton(_ => ReferenceData.Parse(file => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", file))));
        builder.Services.AddSingleton(services => FloodWatchRules.Parse(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", "flood-watch.json")), services.GetRequiredService<ReferenceData>()));
        builder.Services.AddSingleton<SignalDetection>();
        builder.Services.AddScoped<Ingestion>();
        builder.Services.AddScoped<AlertCommands>();
        builder.Services.AddScoped<SurveillanceQueries>();
        return builder;
    }
}
