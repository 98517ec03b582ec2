using Lmc.Contracts.IntegrationEvents;

namespace Lmc.Identity.Contracts;

// Events of the identity service: who may act, for audit and for services that keep their own
// view of the platform's members.

[EventName("lmc.identity.client-registered.v1")]
public sealed record ClientRegistered(string ClientId, string DisplayName, string? Country, IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes, string RegisteredBy, DateTimeOffset OccurredAt)
    : IIntegrationEvent;

[EventName("lmc.identity.role-granted.v1")]
public sealed record RoleGranted(string ClientId, string? Country, string Role, string GrantedBy, DateTimeOffset OccurredAt) : IIntegrationEvent;

[EventName("lmc.identity.role-revoked.v1")]
public sealed record RoleRevoked(string ClientId, string? Country, string Role, string RevokedBy, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// A client was given scopes it lacked (a development client, when a service joins the platform after the client was
/// seeded): Scopes are the added ones.
/// </summary>
[EventName("lmc.identity.scopes-granted.v1")]
public sealed record ScopesGranted(string ClientId, string? Country, IReadOnlyList<string> Scopes, string GrantedBy, DateTimeOffset OccurredAt)
    : IIntegrationEvent;
