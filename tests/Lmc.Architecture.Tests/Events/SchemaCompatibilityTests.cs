using System.Text.Json.Nodes;
using Lmc.BuildingBlocks.Messaging;
using Lmc.Contracts.IntegrationEvents;

namespace Lmc.Architecture.Tests.Events;

/// <summary>
/// The compatibility check on copies of a real record (<c>ProjectSubmitted</c>, v1) each changed one way: what a
/// version may not do is caught, what it may do passes.
/// </summary>
public sealed class SchemaCompatibilityTests
{
    private const string Name = "lmc.test.project-submitted.v1";

    [EventName("lmc.test.project-held.v1")]
    public sealed record NewEvent(Guid ProjectId, DateTimeOffset OccurredAt) : IIntegrationEvent;

    [EventName(Name)]
    public sealed record Released(Guid ProjectId, string LeadCountry, string PriorityArea, long Version, DateTimeOffset OccurredAt)
        : IIntegrationEvent;

    [EventName(Name)]
    public sealed record FieldRemoved(Guid ProjectId, string LeadCountry, long Version, DateTimeOffset OccurredAt) : IIntegrationEvent;

    [EventName(Name)]
    public sealed record FieldRenamed(Guid ProjectId, string LeadCountryCode, string PriorityArea, long Version, DateTimeOffset OccurredAt)
        : IIntegrationEvent;

    [EventName(Name)]
    public sealed record FieldRetyped(Guid ProjectId, string LeadCountry, string PriorityArea, string Version, DateTimeOffset OccurredAt)
        : IIntegrationEvent;

    [EventName(Name)]
    public sealed record FieldMadeNullable(Guid ProjectId, string? LeadCountry, string PriorityArea, long Version, DateTimeOffset OccurredAt)
        : IIntegrationEvent;

    [EventName(Name)]
    public sealed record RequiredFieldAdded(
        Guid ProjectId, string LeadCountry, string PriorityArea, long Version, DateTimeOffset OccurredAt, string SubmittedBy)
        : IIntegrationEvent;

    [EventName(Name)]
    public sealed record OptionalFieldAdded(
        Guid ProjectId, string LeadCountry, string PriorityArea, long Version, DateTimeOffset OccurredAt, string? SubmittedBy = null)
        : IIntegrationEvent;

    [Theory]
    [InlineData(typeof(FieldRemoved), "the field 'priorityArea' was removed or renamed")]
    [InlineData(typeof(FieldRenamed), "the field 'leadCountry' was removed or renamed")]
    [InlineData(typeof(FieldRetyped), "payload.version: retyped")]
    [InlineData(typeof(FieldMadeNullable), "payload.leadCountry: retyped")]
    [InlineData(typeof(RequiredFieldAdded), "the new field 'submittedBy' is required")]
    public void A_breaking_change_to_a_copy_of_a_record_is_caught(Type changed, string expected)
    {
        var breaks = SchemaCompatibility.PayloadBreaks(
            EventCatalogue.PayloadSchema(typeof(Released)), EventCatalogue.PayloadSchema(changed));

        Assert.Contains(breaks, b => b.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void An_optional_field_added_within_a_version_passes()
    {
        var breaks = SchemaCompatibility.PayloadBreaks(
            EventCatalogue.PayloadSchema(typeof(Released)), EventCatalogue.PayloadSchema(typeof(OptionalFieldAdded)));

        Assert.Empty(breaks);
    }

    [Fact]
    public void An_event_removed_from_a_catalogue_or_its_headers_changed_is_caught_and_a_new_event_passes()
    {
        var released = EventCatalogue.Document("projects", [typeof(Released)]);

        var removed = EventCatalogue.Document("projects", []);
        Assert.Contains(SchemaCompatibility.Breaks(released, removed), b => b.Contains("the event was removed", StringComparison.Ordinal));

        var grown = EventCatalogue.Document("projects", [typeof(OptionalFieldAdded), typeof(NewEvent)]);
        Assert.Empty(SchemaCompatibility.Breaks(released, grown));

        var headers = released.DeepClone().AsObject();
        headers["components"]!["schemas"]!["headers"]!["required"]!.AsArray().Add("traceparent");
        Assert.Contains(SchemaCompatibility.Breaks(released, headers),
            b => b.Contains("'traceparent' became required", StringComparison.Ordinal));
    }
}
