using Microsoft.Extensions.Options;

namespace Lmc.Meetings.Application;

/// <summary>
/// The scheduled job of the silence procedure: wakes every poll interval (on the injected clock,
/// so tests drive it with a fake one) and concludes what is due.
/// </summary>
public sealed partial class SilenceProcedureJob(IServiceScopeFactory scopes, IOptions<MeetingsOptions> options, TimeProvider time, ILogger<SilenceProcedureJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SilenceProcedures>().ConcludeDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be down; the next tick tries again and nothing is lost meanwhile.
                LogFailed(logger, ex);
            }

            try
            {
                await Task.Delay(options.Value.SilencePollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Concluding silence procedures failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
