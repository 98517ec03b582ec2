using System.Diagnostics;

namespace Lmc.Testing;

/// <summary>
/// A RabbitMQ node of its own (Debian's rabbitmq-server, no plugins), on free loopback ports with its data in a temporary
/// directory, for a test that restarts the broker: the shared node serves every suite running in parallel, so it is never
/// the one stopped. Durable queues, their bindings and persistent messages are on disk and survive <see cref="RestartAsync"/>,
/// as they do when a real broker restarts.
/// </summary>
public sealed class RabbitMqNode : IAsyncDisposable
{
    private static readonly string Scripts = Environment.GetEnvironmentVariable("LMC_TEST_RABBITMQ_SCRIPTS") ?? "/usr/lib/rabbitmq/bin";
    private readonly string _directory;
    private readonly string _node;
    private readonly int _port;
    private readonly int _distributionPort;

    private RabbitMqNode()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        _directory = Path.Combine(Path.GetTempPath(), "lmc-rabbitmq-" + id);
        _node = $"lmc-test-{id}@localhost";
        _port = LoopbackPorts.Free();
        _distributionPort = LoopbackPorts.Free();
    }

    /// <summary>amqp:// URI of the node's default vhost, user lmc.</summary>
    public string Uri => $"amqp://lmc:lmc@127.0.0.1:{_port}/";

    public static async Task<RabbitMqNode> StartAsync()
    {
        var node = new RabbitMqNode();
        Directory.CreateDirectory(node._directory);
        await File.WriteAllTextAsync(Path.Combine(node._directory, "enabled_plugins"), "[].\n");
        await File.WriteAllTextAsync(Path.Combine(node._directory, "rabbitmq.conf"), $"""
            default_user = lmc
            default_pass = lmc
            loopback_users = none
            listeners.tcp.default = 127.0.0.1:{node._port}
            """);
        await node.StartNodeAsync();
        return node;
    }

    /// <summary>Stops the node (every connection is closed) and starts it again on the same ports and data.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartNodeAsync();
    }

    public Task StopAsync() => RunAsync("rabbitmqctl", "-n", _node, "stop", PidFile);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private string PidFile => Path.Combine(_directory, "pid");

    private async Task StartNodeAsync()
    {
        await RunAsync("rabbitmq-server", "-detached");
        await RunAsync("rabbitmqctl", "-n", _node, "wait", "--timeout", "90", PidFile);
    }

    private async Task RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(Scripts, script))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Its own cookie (HOME), node name, ports and files: nothing shared with the platform's node but epmd.
        start.Environment["HOME"] = _directory;
        start.Environment["RABBITMQ_NODENAME"] = _node;
        start.Environment["RABBITMQ_NODE_PORT"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["RABBITMQ_DIST_PORT"] = _distributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["RABBITMQ_BASE"] = _directory;
        start.Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(_directory, "mnesia");
        start.Environment["RABBITMQ_LOG_BASE"] = Path.Combine(_directory, "log");
        start.Environment["RABBITMQ_PID_FILE"] = PidFile;
        start.Environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_directory, "enabled_plugins");
        start.Environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(_directory, "rabbitmq.conf");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {script}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{script} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
