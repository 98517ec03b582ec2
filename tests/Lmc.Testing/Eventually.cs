namespace Lmc.Testing;

/// <summary>Waits for something asynchronous (a consumed event, a published row) without fixed sleeps.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null, string? because = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting {because ?? "for the condition"}.");
            }

            await Task.Delay(50);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> probe, TimeSpan? timeout = null, string? because = null) =>
        await ReturnsAsync<object>(async () => await probe() ? new object() : null, timeout, because);
}
