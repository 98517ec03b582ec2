namespace Lmc.BuildingBlocks.Domain;

// The errors a domain may raise. They carry no transport types: the building blocks map each to a
// gRPC status (with details) and, over REST, to application/problem+json with the right 4xx.

/// <summary>Base of every error the caller caused and can correct.</summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>The input is malformed: field -> problems. gRPC InvalidArgument, HTTP 400.</summary>
public sealed class ValidationException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException("The request is not valid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public ValidationException(string field, string problem)
        : this(new Dictionary<string, string[]> { [field] = [problem] })
    {
    }
}

/// <summary>A business rule refuses the change in the current state. gRPC FailedPrecondition, HTTP 409.</summary>
public sealed class RuleViolationException(string rule, string message) : DomainException(message)
{
    /// <summary>A stable, machine-readable name of the rule, e.g. <c>project.invalid-transition</c>.</summary>
    public string Rule { get; } = rule;
}

/// <summary>The thing asked for does not exist. gRPC NotFound, HTTP 404.</summary>
public sealed class NotFoundException(string resource, string id)
    : DomainException($"{resource} '{id}' was not found.")
{
    public string Resource { get; } = resource;
    public string Id { get; } = id;
}

/// <summary>A thing with the same identity already exists. gRPC AlreadyExists, HTTP 409.</summary>
public sealed class ConflictException(string message) : DomainException(message);

/// <summary>The caller read an older version than the one stored. gRPC Aborted, HTTP 409.</summary>
public sealed class ConcurrencyException(string resource, string id, long expected, long actual)
    : DomainException($"{resource} '{id}' is at version {actual}, not {expected}; read it again and retry.")
{
    public long ExpectedVersion { get; } = expected;
    public long ActualVersion { get; } = actual;

    /// <summary>Optimistic concurrency on request: <paramref name="expected"/> 0 means the caller did not say.</summary>
    public static void ThrowIfStale(string resource, object id, long expected, long actual)
    {
        if (expected != 0 && expected != actual)
        {
            throw new ConcurrencyException(resource, id.ToString() ?? "", expected, actual);
        }
    }
}

/// <summary>The caller is known but may not do this. gRPC PermissionDenied, HTTP 403.</summary>
public sealed class ForbiddenException(string message) : DomainException(message);

/// <summary>A dependency needed to answer is unreachable; retrying later may work. gRPC Unavailable, HTTP 503.</summary>
public sealed class DependencyUnavailableException(string dependency, Exception? inner = null)
    : Exception($"{dependency} is not reachable right now; nothing was changed. Retry later.", inner)
{
    public string Dependency { get; } = dependency;
}
