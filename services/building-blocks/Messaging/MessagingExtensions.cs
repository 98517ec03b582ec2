using Lmc.BuildingBlocks.Data;
using Lmc.BuildingBlocks.Domain;
using Lmc.BuildingBlocks.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Lmc.BuildingBlocks.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ (connection string <c>rabbitmq</c>, an amqp:// URI) with the
    /// platform's conventions, and the outbox dispatcher of <typeparamref name="TDbContext"/>.
    /// Queues are named <c>&lt;service&gt;-&lt;consumer&gt;</c> so that two services never share one.
    /// </summary>
    public static IHostApplicationBuilder AddLmcMessaging<TDbContext>(
        this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? consumers = null)
        where TDbContext : LmcDbContext
    {
        var options = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        var brokerUri = builder.Configuration.GetConnectionString("rabbitmq")
            ?? throw new InvalidOperationException("ConnectionStrings:rabbitmq (an amqp:// URI) is not configured.");
        var serviceName = builder.Environment.ApplicationName.Replace("Lmc.", "", StringComparison.Ordinal).ToLowerInvariant();

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName + "-", includeNamespace: false));
            consumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(brokerUri), host => host.PublisherConfirmation = true);
                // The event itself as the body (application/json), its ids, type and trace context in
                // AMQP headers: any client can read it, and it cost about 10 % fewer events/s to wrap
                // every event in MassTransit's envelope (bench/README.md). Enveloped messages are
                // still read.
                rabbit.UseRawJsonSerializer(RawSerializerOptions.AddTransportHeaders | RawSerializerOptions.CopyHeaders, isDefault: true);
                rabbit.MessageTopology.SetEntityNameFormatter(new IntegrationEventNameFormatter(rabbit.MessageTopology.EntityNameFormatter));
                rabbit.PrefetchCount = options.PrefetchCount;
                rabbit.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                if (options.DelayedRedelivery)
                {
                    rabbit.UseDelayedMessageScheduler();
                    rabbit.UseDelayedRedelivery(r => r.Intervals(options.RedeliveryIntervals));
                }

                rabbit.UseMessageRetry(r =>
                {
                    r.Exponential(options.RetryLimit, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200));
                    // A message the domain refuses will be refused again: fault it at once.
                    r.Ignore<DomainException>();
                });
                rabbit.ConfigureEndpoints(context);
            });
        });

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        builder.Services.TryAddSingleton<OutboxWakeUp>();
        builder.Services.ConfigureDbContext<TDbContext>((services, db) =>
        {
            var wakeUp = services.GetRequiredService<OutboxWakeUp>();
            db.AddInterceptors(new OutboxSaveInterceptor(wakeUp), new OutboxTransactionInterceptor(wakeUp));
        });
        builder.Services.AddSingleton<OutboxDispatcher<TDbContext>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher<TDbContext>>());
        return builder;
    }
}
