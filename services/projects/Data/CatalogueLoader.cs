using System.Text.Json;
using Lmc.Projects.Domain.Catalogue;

namespace Lmc.Projects.Data;

/// <summary>Reads every Seed/plan-of-action-*.json shipped with the service.</summary>
public static class CatalogueLoader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PlanCatalogue Load(string directory)
    {
        var plans = Directory.EnumerateFiles(directory, "plan-of-action-*.json")
            .Select(file => JsonSerializer.Deserialize<PlanOfAction>(File.ReadAllText(file), Options)
                ?? throw new InvalidOperationException($"{file} holds no plan."))
            .ToList();
        if (plans.Count == 0)
        {
            throw new InvalidOperationException($"No Plan of Action found in {directory}.");
        }

        return new PlanCatalogue(plans);
    }
}
