using Lmc.Projects.Data;
using Lmc.Projects.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lmc.Projects.Application;

/// <summary>Filters of the project list; null means "any".</summary>
public sealed record ProjectFilter(string? Country, string? PriorityArea, ProjectStatus? Status, int? Year);

public sealed class ProjectQueries(ProjectsDbContext db)
{
    /// <summary>
    /// One page, oldest first. Keyset paging on the id (UUIDv7, time-ordered): stable while
    /// projects are added, and as cheap on page 100 as on page 1.
    /// </summary>
    public async Task<(IReadOnlyList<Project> Items, Guid? Next)> ListAsync(ProjectFilter filter, int pageSize, Guid? after, CancellationToken cancellationToken)
    {
        var query = db.Projects.AsNoTracking();
        if (filter.Country is { } country)
        {
            query = query.Where(p => p.LeadCountry == country || p.PartnerCountries.Contains(country));
        }

        if (filter.PriorityArea is { } area)
        {
            query = query.Where(p => p.PriorityArea == area);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        if (filter.Year is { } year)
        {
            var yearStart = new DateOnly(year, 1, 1);
            var yearEnd = new DateOnly(year, 12, 31);
            query = query.Where(p => p.PlannedStart <= yearEnd && p.PlannedEnd >= yearStart);
        }

        if (after is { } last)
        {
            query = query.Where(p => p.Id.CompareTo(last) > 0);
        }

        var items = await query.OrderBy(p => p.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        return items.Count > pageSize ? (items[..pageSize], items[pageSize - 1].Id) : (items, null);
    }
}
