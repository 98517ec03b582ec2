using Lmc.Meetings.Domain;
using Microsoft.Extensions.Options;

namespace Lmc.Meetings.Application;

public static class ApplicationRegistrations
{
    /// <summary>The meetings' use cases, the co-chair rotation and the silence procedure's job.</summary>
    public static WebApplicationBuilder AddMeetingsApplication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MeetingsOptions>().BindConfiguration(MeetingsOptions.Section);
        builder.Services.AddSingleton(sp => new CoChairRotation(sp.GetRequiredService<IOptions<MeetingsOptions>>().Value.CoChairRotation));
        builder.Services.AddScoped<DecisionRules>();
        builder.Services.AddScoped<DecisionEffects>();
        builder.Services.AddScoped<MeetingCommands>();
        builder.Services.AddScoped<MeetingQueries>();
        builder.Services.AddScoped<SilenceProcedures>();
        builder.Services.AddHostedService<SilenceProcedureJob>();
        return builder;
    }
}
