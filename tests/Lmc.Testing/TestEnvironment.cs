namespace Lmc.Testing;

/// <summary>
/// Where the real PostgreSQL and RabbitMQ are (started by <c>./lmc test</c> through
/// local/infra.sh). Override with LMC_TEST_POSTGRES, LMC_TEST_RABBITMQ, LMC_TEST_RABBITMQ_API.
/// </summary>
public static class TestEnvironment
{
    /// <summary>
    /// The server, with a 60 s connect timeout: with every suite running at once on 2 cores, a connection once took
    /// longer than Npgsql's default 15 s (a clean-clone run failed a whole fixture on it).
    /// </summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("LMC_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=lmc;Password=lmc;Timeout=60";

    /// <summary>AMQP URI of the broker without a vhost.</summary>
    public static Uri RabbitMq => new(Environment.GetEnvironmentVariable("LMC_TEST_RABBITMQ") ?? "amqp://lmc:lmc@127.0.0.1:5672/");

    public static Uri RabbitMqApi => new(Environment.GetEnvironmentVariable("LMC_TEST_RABBITMQ_API") ?? "http://127.0.0.1:15672/");

    /// <summary>The development signing key the tests mint with and the services validate with.</summary>
    public const string SigningKey = "dGVzdC1vbmx5LXNpZ25pbmcta2V5LWZvci1sbWMtcGxhdGZvcm0tdGVzdHM=";

    public const string Issuer = "lmc-development";

    public const string Audience = "lmc-platform";
}
