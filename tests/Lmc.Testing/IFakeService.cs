namespace Lmc.Testing;

/// <summary>
/// A stand-in for a service the one under test calls (its manifest's <c>calls</c>), on a real loopback port so the
/// caller's client goes through its whole pipeline. <see cref="ServiceFactory{TProgram,TDbContext}"/> starts each
/// before the service and points <c>services:{name}:grpc:0</c> at it.
/// </summary>
public interface IFakeService : IAsyncDisposable
{
    Uri Address { get; }

    Task StartAsync();

    Task StopAsync();
}
