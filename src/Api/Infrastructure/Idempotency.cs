using System.Security.Cryptography;
using System.Text;
using Marten;

namespace AGH.Api.Infrastructure;

/// <summary>The first answer to a POST with an Idempotency-Key, kept per user so a retry gets it again.</summary>
public sealed class IdempotencyRecord
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Fingerprint { get; set; } = "";
    public int Status { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[] Body { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The key of the request being served; the command runner stores the answer in the same transaction as the events.</summary>
public sealed class IdempotencyScope(string id, string userId, string fingerprint)
{
    public string Id { get; } = id;
    public string UserId { get; } = userId;
    public string Fingerprint { get; } = fingerprint;
    public bool Stored { get; set; }
}

public sealed class IdempotencySettings
{
    public int RetentionHours { get; set; } = 48;
}

/// <summary>A captured answer, written out again byte for byte.</summary>
public sealed class StoredResponse(IdempotencyRecord record, bool replayed) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => record.Status;

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = record.Status;
        if (record.ContentType is not null) http.Response.ContentType = record.ContentType;
        if (record.Location is not null) http.Response.Headers.Location = record.Location;
        if (replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
        await http.Response.Body.WriteAsync(record.Body);
    }
}

public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    public static string RecordId(string userId, string key) => Hash(userId + "\n" + key);

    public static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Runs an answer into a buffer, so the first response and every replay are the same bytes.</summary>
    public static async Task<IdempotencyRecord> Capture(IResult result, HttpContext http, IdempotencyScope scope, DateTimeOffset now)
    {
        var context = new DefaultHttpContext { RequestServices = http.RequestServices };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        return new IdempotencyRecord
        {
            Id = scope.Id,
            UserId = scope.UserId,
            Fingerprint = scope.Fingerprint,
            Status = context.Response.StatusCode,
            ContentType = context.Response.ContentType,
            Location = context.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null,
            Body = body.ToArray(),
            CreatedAt = now,
        };
    }

    public static IResult Reused() => Problems.Create(422, "idempotency-key-reused", "Idempotency key reused",
        "This Idempotency-Key was already used by you for a different request.");

    public static IResult Replay(IdempotencyRecord record, IdempotencyScope scope) =>
        record.Fingerprint == scope.Fingerprint ? new StoredResponse(record, replayed: true) : Reused();

    /// <summary>Only successful answers are replayed; a rejection's record only holds the key to its request (v2).</summary>
    public static bool IsSuccess(IdempotencyRecord record) => record.Status is >= 200 and < 300;

    /// <summary>An earlier answer this request must get instead of running: any success, or another request's key.</summary>
    public static bool MustReplay(IdempotencyRecord record, IdempotencyScope scope) =>
        IsSuccess(record) || record.Fingerprint != scope.Fingerprint;

    /// <summary>Removes the record of a rejection of this key (never a success), so the retry can store its own answer.</summary>
    public static void ForgetRejection(IDocumentSession session, string id) =>
        session.DeleteWhere<IdempotencyRecord>(r => r.Id == id && (r.Status < 200 || r.Status >= 300));
}

/// <summary>
/// Every POST accepts an Idempotency-Key (RFC draft "The Idempotency-Key HTTP Header Field"). A retry by the same user
/// with the same key and body gets the first successful answer and stores nothing; a retried rejection runs afresh
/// (contract v2: a place may have become free meanwhile); the same key with another body is refused.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, IDocumentStore store, Clock clock)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Headers.TryGetValue(Idempotency.Header, out var values))
        {
            await next(http);
            return;
        }
        var key = values.ToString();
        if (key.Length is 0 or > Idempotency.MaxKeyLength)
        {
            await new Checks().Add(Idempotency.Header, $"must be 1 to {Idempotency.MaxKeyLength} characters.").Problem().ExecuteAsync(http);
            return;
        }
        var actor = Caller.ActorOf(http.User);
        if (actor is null || http.Request.ContentLength > RequestLimits.MaxBodyBytes)
        {
            await next(http);
            return;
        }

        http.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        http.Request.Body.Position = 0;
        var fingerprint = Idempotency.Hash($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}\n{http.Request.ContentType}\n"
            + Convert.ToBase64String(buffer.ToArray()));
        var scope = new IdempotencyScope(Idempotency.RecordId(actor.UserId, key), actor.UserId, fingerprint);

        await using (var query = store.QuerySession())
        {
            if (await query.LoadAsync<IdempotencyRecord>(scope.Id, http.RequestAborted) is { } existing)
            {
                if (Idempotency.MustReplay(existing, scope))
                {
                    await Idempotency.Replay(existing, scope).ExecuteAsync(http);
                    return;
                }
                // The same request was refused before: it runs again, and its new answer replaces the rejection.
                await using var forget = store.LightweightSession();
                Idempotency.ForgetRejection(forget, scope.Id);
                await forget.SaveChangesAsync(http.RequestAborted);
            }
        }

        http.Features.Set(scope);
        var original = http.Response.Body;
        using var captured = new MemoryStream();
        http.Response.Body = captured;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        // Answers that stored no events: a success (e.g. a run that already existed) is kept to be replayed; of a
        // rejection (validation, 404, rule violations) only the key and fingerprint are kept, so that a retry runs again
        // but another body under the same key is still refused; 5xx leave nothing.
        if (!scope.Stored && http.Response.StatusCode < 500)
        {
            var success = http.Response.StatusCode is >= 200 and < 300;
            var record = new IdempotencyRecord
            {
                Id = scope.Id, UserId = scope.UserId, Fingerprint = scope.Fingerprint, Status = http.Response.StatusCode,
                ContentType = success ? http.Response.ContentType : null,
                Location = success && http.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null,
                Body = success ? captured.ToArray() : [], CreatedAt = clock.Now,
            };
            await using var session = store.LightweightSession();
            session.Insert(record);
            try
            {
                await session.SaveChangesAsync(CancellationToken.None);
            }
            catch (Exception e) when (CommandRunner.IsRace(e))
            {
                // A concurrent twin with the same key answered first (perhaps it stored the events we were refused for):
                // every retry gets that first answer.
                await using var query = store.QuerySession();
                if (await query.LoadAsync<IdempotencyRecord>(scope.Id, CancellationToken.None) is { } first && Idempotency.MustReplay(first, scope))
                {
                    http.Response.Clear();
                    await Idempotency.Replay(first, scope).ExecuteAsync(http);
                    return;
                }
            }
        }
        captured.Position = 0;
        await captured.CopyToAsync(original, http.RequestAborted);
    }
}

/// <summary>Forgets keys after the retention period (at least 24 hours by contract).</summary>
public sealed class IdempotencyCleanup(IDocumentStore store, TimeProvider time, IdempotencySettings settings, ILogger<IdempotencyCleanup> log)
    : BackgroundService
{
    /// <summary>Forgets every key older than the retention period, by the service clock.</summary>
    public async Task RemoveExpired(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().AddHours(-Math.Max(24, settings.RetentionHours));
        await using var session = store.LightweightSession();
        session.DeleteWhere<IdempotencyRecord>(r => r.CreatedAt < cutoff);
        await session.SaveChangesAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await RemoveExpired(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("Idempotency cleanup failed: {Error}", e.GetType().Name);
            }
            await Task.Delay(TimeSpan.FromHours(1), time, ct);
        }
    }
}
