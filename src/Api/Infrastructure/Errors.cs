using JasperFx;
using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace AGH.Api.Infrastructure;

/// <summary>Last line of defence: no stack traces leave the service; an unreachable database is a 503 to retry, a lost race a 409.</summary>
public sealed class ErrorHandler(ILogger<ErrorHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        IResult result;
        // Before the database test: the provider's connection failure also carries a SocketException.
        if (IsIdentityProviderUnavailable(exception))
        {
            log.LogWarning("Identity provider unavailable on {Method} {Path}: {Message}", http.Request.Method, http.Request.Path, exception.Message);
            http.Response.Headers.RetryAfter = "30";
            result = Problems.Create(503, "identity-provider-unavailable", "Service unavailable",
                "The identity provider cannot be reached; retry shortly.");
        }
        else if (IsDatabaseUnavailable(exception))
        {
            log.LogWarning("Database unavailable: {Message}", exception.GetType().Name);
            http.Response.Headers.RetryAfter = "5";
            result = Problems.Create(503, "database-unavailable", "Service unavailable", "The database cannot be reached; retry shortly.");
        }
        else if (IsRace(exception))
        {
            result = Problems.Create(409, "concurrency-conflict", "Conflict", "The resource was changed concurrently; reload and try again.");
        }
        else if (exception is BadHttpRequestException bad)
        {
            result = Problems.Create(bad.StatusCode, "bad-request", "Bad request", "The request could not be read.");
        }
        else
        {
            // Exception messages can quote the data (PostgreSQL cites the JSON it refused): log the kind and the stack only.
            log.LogError("Unhandled {Exception} (SQLSTATE {SqlState}) on {Method} {Path}\n{Stack}", exception.GetType().FullName,
                (exception as PostgresException ?? exception.InnerException as PostgresException)?.SqlState, http.Request.Method,
                http.Request.Path, exception.StackTrace);
            result = Problems.Create(500, "internal-error", "Internal error", "An unexpected error occurred; it has been logged.");
        }
        await result.ExecuteAsync(http);
        return true;
    }

    /// <summary>A write that lost to a concurrent one on the same stream or key: the client reloads and retries (409).</summary>
    public static bool IsRace(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is ConcurrencyException or EventStreamUnexpectedMaxEventIdException or ExistingStreamIdCollisionException
                or Marten.Exceptions.ExistingStreamIdCollisionException or DocumentAlreadyExistsException) return true;
            // Marten's append functions signal a version mismatch with their own SQLSTATE.
            if (x is PostgresException { SqlState: "MT003" }) return true;
            if (x is PostgresException pg && pg.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
                    or PostgresErrorCodes.UniqueViolation) return true;
        }
        return false;
    }
    /// <summary>The staff app's sign-in could not fetch the provider's metadata (thrown by its configuration manager).</summary>
    public static bool IsIdentityProviderUnavailable(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x.TargetSite?.DeclaringType?.Namespace?.StartsWith("Microsoft.IdentityModel.Protocols", StringComparison.Ordinal) == true) return true;
        return false;
    }

    public static bool IsDatabaseUnavailable(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            // Npgsql counts a deadlock or a serialization failure as transient too, yet the server answered: a race (IsRace).
            if (x is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure }) return false;
            if (x is NpgsqlException { IsTransient: true } or SocketException or TimeoutException) return true;
            if (x is PostgresException pg && (pg.SqlState.StartsWith("08") || pg.SqlState.StartsWith("57P"))) return true;
        }
        return false;
    }
}
