using Lmc.__Pascal__.Data;
using Lmc.Contracts.__Pascal__.V1;
using Lmc.Testing;

namespace Lmc.__Pascal__.Tests;

/// <summary>The __name__ service in-process on its own database and vhost of the real PostgreSQL and RabbitMQ.</summary>
public sealed class __Pascal__ServiceFactory : ServiceFactory<Program, __Pascal__DbContext>
{
    protected override string DatabaseName => "__name__";

    public __Pascal__Service.__Pascal__ServiceClient Client() => new(Channel());
}

[CollectionDefinition(Name)]
public sealed class __Pascal__ServiceGroup : ICollectionFixture<__Pascal__ServiceFactory>
{
    public const string Name = "__name__ service";
}
