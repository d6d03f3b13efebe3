using AGH.Domain.Common;
using AGH.Domain.Offers;
using AGH.Domain.Persons;
using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace AGH.Api.Infrastructure;

/// <summary>
/// Loads the streams a decision needs, runs the pure decision, and appends its events with the versions it read, so a
/// concurrent writer makes the append fail instead of overwriting. A lost race is retried from a fresh read.
/// </summary>
public sealed class CommandRunner(IDocumentStore store, Clock clock, ILogger<CommandRunner> log, IHttpContextAccessor accessor)
{
    private const int MaxAttempts = 12;

    public Clock Clock => clock;

    public async Task<IResult> Run(Actor actor, Func<Workspace, Task<Outcome>> decide, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var http = accessor.HttpContext;
            var idempotency = http?.Features.Get<IdempotencyScope>();
            // A concurrent twin with the same key may have committed while we raced it.
            var earlier = idempotency is null ? null : await session.LoadAsync<IdempotencyRecord>(idempotency.Id, ct);
            if (earlier is not null && Idempotency.MustReplay(earlier, idempotency!))
                return Idempotency.Replay(earlier, idempotency!);
            var workspace = new Workspace(session);
            var outcome = await decide(workspace);
            if (outcome.Result is not null) return outcome.Result;
            var decision = outcome.Decision!;
            if (decision.Rejection is { } rejection) return Problems.From(rejection);

            workspace.Append(decision.Events, actor, clock.Now);
            var answer = outcome.OnSuccess!();
            IdempotencyRecord? record = null;
            if (idempotency is not null)
            {
                // Stored in the same transaction as the events: a retry after a crash either replays or runs afresh.
                record = await Idempotency.Capture(answer, http!, idempotency, clock.Now);
                // A twin's rejection of this very request may have been stored meanwhile; a success replaces it. Never a
                // success: a twin that succeeded first makes the insert collide, and the retry replays its answer.
                if (earlier is not null) Idempotency.ForgetRejection(session, idempotency.Id);
                session.Insert(record);
            }
            try
            {
                await session.SaveChangesAsync(ct);
                if (record is null) return answer;
                idempotency!.Stored = true;
                return new StoredResponse(record, replayed: false);
            }
            catch (Exception e) when (IsRace(e) && attempt < MaxAttempts)
            {
                log.LogDebug("Write race lost (attempt {Attempt}); retrying from a fresh read", attempt);
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), ct);
            }
            catch (Exception e) when (IsRace(e))
            {
                return Problems.Create(409, "concurrency-conflict", "Conflict",
                    "The resource was changed concurrently too often; reload and try again.");
            }
        }
    }

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
}

/// <summary>What a use case hands back: a decision plus the answer on success, or an answer straight away (404, 403).</summary>
public sealed record Outcome(Decision? Decision, Func<IResult>? OnSuccess, IResult? Result)
{
    public static Outcome Stop(IResult result) => new(null, null, result);
    public static Outcome Of(Decision decision, Func<IResult> onSuccess) => new(decision, onSuccess, null);
    public static implicit operator Outcome(Rejection r) => new(Decision.Reject(r), null, null);
}

public sealed class Workspace(IDocumentSession session)
{
    private readonly Dictionary<Guid, long> _versions = new();

    public IQuerySession Query => session;

    // The inline projections hold the folded aggregates; their Version is the stream version the append is checked against.
    public async Task<Person?> LoadPerson(Guid id) => Track(id, await session.LoadAsync<Person>(id), p => p.Revision);

    public async Task<Offer?> LoadOffer(Guid id) => Track(id, await session.LoadAsync<Offer>(id), o => o.Revision);

    public void Track(Guid id, long revision) => _versions[id] = revision;

    /// <summary>A run, and the payout ledger's version: every run and release is checked against the ledger, so runs never overlap.</summary>
    public async Task<AGH.Domain.Payouts.PayoutRun?> LoadRun(Guid id)
    {
        if (await session.Events.FetchStreamStateAsync(AGH.Domain.Payouts.PayoutRun.LedgerId) is { } ledger)
            _versions[ledger.Id] = ledger.Version;
        return await session.LoadAsync<AGH.Domain.Payouts.PayoutRun>(id);
    }

    public async Task<IReadOnlyList<AGH.Domain.Payouts.PayoutRun>> LoadRuns(CancellationToken ct) =>
        await session.Query<AGH.Domain.Payouts.PayoutRun>().ToListAsync(ct);

    /// <summary>Every person with any placement. Their streams are not written by a run, so their versions are not tracked.</summary>
    public async Task<IReadOnlyList<Person>> LoadPersonsWithPlacements(CancellationToken ct) =>
        (await session.Query<Person>().ToListAsync(ct)).Where(p => !p.Placements.IsEmpty).ToList();

    private T? Track<T>(Guid id, T? aggregate, Func<T, long> version) where T : class
    {
        if (aggregate is not null) _versions[id] = version(aggregate);
        return aggregate;
    }

    public void Append(IReadOnlyList<StreamEvent> events, Actor actor, DateTimeOffset now)
    {
        session.LastModifiedBy = actor.UserId;
        foreach (var group in events.GroupBy(e => e.StreamId))
        {
            var data = group.Select(e => e.Event).ToArray();
            // Streams the decision read are checked against the version it saw; a release on an offer it did not read needs no check.
            var action = _versions.TryGetValue(group.Key, out var version) ? session.Events.Append(group.Key, version + data.Length, data)
                : data[0] is IStartsStream ? session.Events.StartStream(group.Key, data)
                : session.Events.Append(group.Key, data);
            foreach (var e in action.Events) EventHeaders.Stamp(e, actor, now);
        }
    }
}
