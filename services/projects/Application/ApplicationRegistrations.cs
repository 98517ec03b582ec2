using Lmc.Projects.Application.Reports;
using Lmc.Projects.Data;
using Lmc.Projects.Domain.Catalogue;
using Microsoft.Extensions.Options;

namespace Lmc.Projects.Application;

public static class ApplicationRegistrations
{
    /// <summary>The registry's use cases, the Plan of Action catalogue and the size rules.</summary>
    public static WebApplicationBuilder AddProjectsApplication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProjectSizeOptions>().BindConfiguration(ProjectSizeOptions.Section);
        builder.Services.AddOptions<IatiOptions>().BindConfiguration(IatiOptions.Section);
        builder.Services.AddSingleton(_ => CatalogueLoader.Load(Path.Combine(AppContext.BaseDirectory, "Seed")));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<ProjectSizeOptions>>().Value.ToRules());
        builder.Services.AddScoped<ProjectCommands>();
        builder.Services.AddScoped<ProjectQueries>();
        builder.Services.AddScoped<AnnualListCommands>();
        builder.Services.AddScoped<AnnualListDecisions>();
        builder.Services.AddScoped<MonitoringCommands>();
        builder.Services.AddScoped<ImplementationReportBuilder>();
        builder.Services.AddScoped<IatiActivitiesExport>();
        return builder;
    }
}
