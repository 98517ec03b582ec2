using Lmc.Contracts.Common.V1;
using Lmc.Contracts.Projects.V1;

namespace Lmc.Projects.Tests;

internal static class Proposals
{
    public static ProposeProjectRequest Valid(
        Country lead = Country.Th,
        PriorityArea area = PriorityArea.WaterResources,
        string start = "2025-01-01",
        string end = "2026-12-31",
        params Country[] partners)
    {
        var request = new ProposeProjectRequest
        {
            LeadCountry = lead,
            PriorityArea = area,
            Title = "Joint flood forecasting on the Mekong mainstream",
            Description = "Shares water-level forecasts between the riparian countries.",
            Budget = new Money { Currency = "USD", Amount = "480000.00" },
            PlannedStartDate = start,
            PlannedEndDate = end,
        };
        request.PartnerCountries.AddRange(partners.Length == 0 ? [Country.La, Country.Kh] : partners);
        // Paras 47 (flood and drought) and 43 (the water resources centre); water policy and conservation.
        request.Paragraphs.AddRange([43, 47]);
        request.Sectors.Add(new SectorShare { DacCode = "14015", Percentage = "60" });
        request.Sectors.Add(new SectorShare { DacCode = "14010", Percentage = "40" });
        return request;
    }
}
