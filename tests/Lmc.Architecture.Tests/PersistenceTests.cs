using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Lmc.Architecture.Tests;

/// <summary>
/// Every service's model as `dotnet ef` builds it (its design-time factory): named by the platform's
/// convention, and matched by its committed migrations.
/// </summary>
public sealed partial class PersistenceTests
{
    public static TheoryData<string> ServicesWithADatabase()
    {
        var data = new TheoryData<string>();
        foreach (var manifest in ServiceAssemblies.Manifests.Where(m => m.Database))
        {
            data.Add(manifest.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ServicesWithADatabase))]
    public void Every_table_column_key_and_index_is_named_in_snake_case(string service)
    {
        using var db = DesignTimeContext(service);
        var names = db.Model.GetEntityTypes().SelectMany(NamesOf).Distinct().ToList();
        Assert.NotEmpty(names);

        Assert.All(names, name => Assert.Matches(SnakeCase(), name));
    }

    [Theory]
    [MemberData(nameof(ServicesWithADatabase))]
    public void The_committed_migrations_match_the_model(string service)
    {
        using var db = DesignTimeContext(service);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"{service}'s model differs from its migrations' snapshot: add a migration (README, 'Persistence').");
    }

    private static IEnumerable<string> NamesOf(IEntityType entity)
    {
        var table = entity.GetTableName();
        if (table is null)
        {
            yield break;
        }

        yield return table;
        if (entity.IsMappedToJson())
        {
            // Held in one jsonb column of its owner's table (a plan item's targets): that column is what has a name.
            yield return entity.GetContainerColumnName()!;
            yield break;
        }

        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        foreach (var property in entity.GetProperties())
        {
            yield return property.GetColumnName(store)!;
        }

        foreach (var key in entity.GetKeys())
        {
            yield return key.GetName(store)!;
        }

        foreach (var index in entity.GetIndexes())
        {
            yield return index.GetDatabaseName(store)!;
        }

        foreach (var foreignKey in entity.GetForeignKeys())
        {
            yield return foreignKey.GetConstraintName()!;
        }
    }

    private static DbContext DesignTimeContext(string service)
    {
        var assembly = ServiceAssemblies.Of(ServiceAssemblies.Manifest(service));
        var factory = assembly.GetTypes().Single(t => !t.IsAbstract && t.GetInterfaces().Any(IsFactory));
        var create = factory.GetInterfaces().Single(IsFactory).GetMethod("CreateDbContext")!;
        return (DbContext)create.Invoke(Activator.CreateInstance(factory, nonPublic: true), [Array.Empty<string>()])!;
    }

    private static bool IsFactory(Type contract) =>
        contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>);

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex SnakeCase();
}
