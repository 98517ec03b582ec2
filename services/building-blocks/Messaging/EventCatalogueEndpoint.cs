using Lmc.BuildingBlocks.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lmc.BuildingBlocks.Messaging;

public static class EventCatalogueEndpoint
{
    /// <summary>
    /// The service's event catalogue at <see cref="EventCatalogue.Path"/>, public as its OpenAPI document is (the
    /// gateway publishes it as <c>/asyncapi/&lt;service&gt;.json</c>); a service that publishes nothing yet serves an
    /// empty one.
    /// </summary>
    public static IEndpointRouteBuilder MapLmcEventCatalogue(this WebApplication app)
    {
        var project = app.Environment.ApplicationName;
        var document = new Lazy<string>(() =>
        {
            var manifest = ServiceManifests.FromRepository().FirstOrDefault(m => m.Project == project)
                ?? throw new InvalidOperationException($"No manifest names the project {project}.");
            return EventCatalogue.Serialize(EventCatalogue.Document(manifest.Name, EventCatalogue.EventsOf(project)));
        });
        app.MapGet(EventCatalogue.Path, () => Results.Text(document.Value, "application/json"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
