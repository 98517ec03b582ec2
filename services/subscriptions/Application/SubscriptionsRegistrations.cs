using Lmc.BuildingBlocks.Hosting;
using Lmc.Subscriptions.Catalogue;
using Lmc.Subscriptions.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Lmc.Subscriptions.Application;

public static class SubscriptionsRegistrations
{
    /// <summary>The catalogues, the audience rules, the commands and queries, and the webhook sender with its worker.</summary>
    public static IHostApplicationBuilder AddSubscriptionsApplication(this IHostApplicationBuilder builder, EventDirectory directory)
    {
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
            {
                // The chart gives every service the gateway's public address; the section's own value wins.
                if (configuration[$"{WebhookOptions.Section}:PublicUrl"] is null
                    && configuration[WebhookOptions.PlatformPublicUrl] is { Length: > 0 } url)
                {
                    options.PublicUrl = new Uri(url);
                }
            });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(directory);
        builder.Services.AddSingleton<Audience>();
        builder.Services.AddSingleton<DeliveryWakeUp>();
        builder.Services.AddScoped<SubscriptionCommands>();
        builder.Services.AddScoped<SubscriptionQueries>();
        builder.Services.AddScoped<DeliveryAttemptRunner>();
        builder.Services.AddHttpClient<WebhookSender>(WebhookSender.ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(services =>
                WebhookSender.Handler(services.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateCallbacks));
        builder.Services.AddHostedService<DeliveryWorker>();
        return builder;
    }

    /// <summary>Every service's events, from the catalogues beside the manifests.</summary>
    public static EventDirectory Directory() => EventDirectory.FromManifests(ServiceManifests.FromRepository());
}
