using Lmc.HealthSurveillance.Domain;

namespace Lmc.HealthSurveillance.Application;

public static class ApplicationRegistrations
{
    /// <summary>The reference data, the threshold engine and the use cases.</summary>
    public static WebApplicationBuilder AddSurveillanceApplication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SurveillanceOptions>().BindConfiguration(SurveillanceOptions.Section);
        builder.Services.AddSingleton(_ => ReferenceData.Load(Path.Combine(AppContext.BaseDirectory, "Seed")));
        builder.Services.AddSingleton<SignalDetection>();
        builder.Services.AddScoped<Ingestion>();
        builder.Services.AddScoped<AlertCommands>();
        builder.Services.AddScoped<SurveillanceQueries>();
        return builder;
    }
}
