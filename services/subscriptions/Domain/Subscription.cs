using Lmc.BuildingBlocks.Domain;

namespace Lmc.Subscriptions.Domain;

public enum SubscriptionStatus
{
    Active = 1,
    Disabled = 2,
}

/// <summary>
/// An integrator's webhook: which events (names or patterns), where to (an HTTPS callback), filtered how, and who
/// subscribed (the claims its deliveries are scoped by, as reads through the API are). Its signing secret is shown
/// once; a rotation keeps the previous one signing beside the new until the overlap ends.
/// </summary>
public sealed class Subscription
{
    public const int DescriptionMaxLength = 200;
    public const int ReasonMaxLength = 1000;

    private Subscription()
    {
    }

    public Guid Id { get; private set; }
    public string Description { get; private set; } = "";
    public List<string> EventPatterns { get; private set; } = [];
    public string CallbackUrl { get; private set; } = "";
    public List<FieldFilter> Filters { get; private set; } = [];
    public Subscriber Subscriber { get; private set; } = null!;

    /// <summary>The subscriber's subject, as a column: whose subscriptions are whose.</summary>
    public string OwnerSubject { get; private set; } = "";
    public SubscriptionStatus Status { get; private set; }
    public string? DisabledReason { get; private set; }
    public int ConsecutiveFailures { get; private set; }
    public string Secret { get; private set; } = "";
    public string? PreviousSecret { get; private set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public long Version { get; private set; }

    public static Subscription Create(
        Guid id, string description, IReadOnlyList<string> patterns, CallbackUrl callback, IReadOnlyList<FieldFilter> filters,
        Subscriber subscriber, string secret, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (description.Length > DescriptionMaxLength)
        {
            errors.Add("description", $"is at most {DescriptionMaxLength} characters");
        }

        if (patterns.Count == 0)
        {
            errors.Add("event_types", "name at least one event or pattern (lmc.projects.*)");
        }

        errors.ThrowIfAny();
        return new Subscription
        {
            Id = id,
            Description = description,
            EventPatterns = [.. patterns.Distinct(StringComparer.Ordinal)],
            CallbackUrl = callback.Value,
            Filters = [.. filters],
            Subscriber = subscriber,
            OwnerSubject = subscriber.Subject,
            Status = SubscriptionStatus.Active,
            Secret = secret,
            CreatedAt = now,
            Version = 1,
        };
    }

    public bool Matches(string eventName) => EventPatterns.Any(p => EventPattern.Matches(p, eventName));

    /// <summary>The secrets a delivery at <paramref name="now"/> is signed with: the current, and the previous within its overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is not null && PreviousSecretExpiresAt > now ? [Secret, PreviousSecret] : [Secret];

    public void RotateSecret(string secret, TimeSpan overlap, DateTimeOffset now)
    {
        PreviousSecret = overlap > TimeSpan.Zero ? Secret : null;
        PreviousSecretExpiresAt = overlap > TimeSpan.Zero ? now + overlap : null;
        Secret = secret;
        Version++;
    }

    public void Disable(string reason)
    {
        if (reason.Length > ReasonMaxLength)
        {
            throw new ValidationException("reason", $"is at most {ReasonMaxLength} characters");
        }

        Status = SubscriptionStatus.Disabled;
        DisabledReason = reason;
        Version++;
    }

    /// <summary>Back on, with a clean run: deliveries missed while it was off come back by replay.</summary>
    public void Enable()
    {
        Status = SubscriptionStatus.Active;
        DisabledReason = null;
        ConsecutiveFailures = 0;
        Version++;
    }
}

/// <summary>Who subscribed, as their token said: what each event is checked against before it is delivered.</summary>
public sealed record Subscriber(string Subject, string? Country, IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes);

/// <summary>An event matches when its payload's <see cref="Field"/> holds one of <see cref="Values"/> (a list field: any of them).</summary>
public sealed record FieldFilter(string Field, IReadOnlyList<string> Values);
