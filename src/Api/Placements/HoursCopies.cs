using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AGH.Projections;

namespace AGH.Api.Placements;

/// <summary>
/// This node's copy of each person's hours write model as its last hour command left it: the person, the stream version,
/// the offer and the ISO week written. The next hour command on that person and week decides on the copy without the
/// locked read, and appends with the copy's versions as the expected ones (the person's stream and the offer's), so
/// PostgreSQL refuses the write when anything the decision read has changed since, on any node.
/// </summary>
/// <remarks>
/// A copy holds personal data: a sweep every <see cref="Lifetime"/> removes the copies whose last command lies a lifetime
/// back, so an erased record leaves this node's memory within two lifetimes.
/// Only an accepted command is answered from a copy. A write refused for its versions, a rejection (409, 422) and a
/// failed precondition (404, 412) are decided again under the lock (<see cref="HoursCopyRerun"/>): a stale copy may
/// only cost time, never change an answer. The copy is kept only after the command returned without an error.
/// </remarks>
public sealed class HoursCopies : IDisposable
{
    /// <summary>How long a copy is kept at least after its last command: a caseworker's entries of one sitting, not a day.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    // A copy holds a person's document and one week (some 15 KB in the bench); the district has some 300 persons.
    // Beyond the bound it starts over.
    private const int Bound = 10_000;
    private static readonly object PendingKey = new();
    private static readonly object LockedKey = new();

    /// <summary>
    /// Hour commands decided on a copy, by <c>outcome</c>: <c>answered</c> from it, <c>decided-again</c> under the lock,
    /// or <c>failed</c> where it could not run again (it had committed or answered).
    /// </summary>
    public const string DecisionsCounter = "agh.hours.copy_decisions";

    private readonly ConcurrentDictionary<Guid, Copy> _kept = new();
    private readonly Counter<long> _decisions;
    private readonly TimeProvider _time;
    private readonly ITimer _sweep;

    public HoursCopies(IMeterFactory meters, TimeProvider time)
    {
        _decisions = meters.Create(Telemetry.ServiceMeter).CreateCounter<long>(DecisionsCounter, description:
            "Hour commands decided on the node's kept copy of the person's write model, by outcome: answered from it, decided again under the lock, or failed");
        _time = time;
        _sweep = time.CreateTimer(_ => Sweep(), null, Lifetime, Lifetime);
    }

    public void Dispose() => _sweep.Dispose();

    /// <summary>The write model read or taken for this request; null when it has none.</summary>
    public static Pending? PendingOf(HttpContext http) => http.Items.TryGetValue(PendingKey, out var p) ? p as Pending : null;

    /// <summary>Whether this request decided on a kept copy.</summary>
    public static bool DecidedOnCopy(HttpContext http) => PendingOf(http) is { FromCopy: true };

    /// <summary>From now on this request reads under the lock.</summary>
    public static void Lock(HttpContext http) => http.Items[LockedKey] = true;

    /// <summary>The command's write model from the kept copy, or null: none, another week, another placement, or the request reads under the lock.</summary>
    public HoursStream? Take(IDocumentSession session, Guid personId, LogHours command, HttpContext http)
    {
        if (http.Items.ContainsKey(LockedKey) || !_kept.TryGetValue(personId, out var copy) || copy.Monday != HourRows.MondayOf(command.Date)
            || !copy.Person.Placements.TryGetValue(command.PlacementId, out var placement)) return null;
        var pending = new Pending(copy, fromCopy: true);
        http.Items[PendingKey] = pending;
        return new HoursStream(new PlacementStream(new KeptStream(session, copy), placement), copy.Offer?.EndsOn, copy.Week)
        {
            Offer = copy.Offer,
            Pending = pending,
        };
    }

    /// <summary>Notes the write model as read under the lock, to be kept once the command succeeds.</summary>
    public static Pending Read(HttpContext http, Person person, long version, Offer? offer, DateOnly monday, HourLog week)
    {
        var pending = new Pending(new Copy(person, version, offer, monday, week), fromCopy: false);
        http.Items[PendingKey] = pending;
        return pending;
    }

    /// <summary>After the request: keeps its write model with what it wrote, or forgets the person's copy after an error.</summary>
    public void Settle(HttpContext http, CopyOutcome outcome)
    {
        if (PendingOf(http) is not { } pending) return;
        http.Items.Remove(PendingKey);
        if (pending.FromCopy) _decisions.Add(1, new KeyValuePair<string, object?>("outcome", outcome switch
        {
            CopyOutcome.Answered => "answered",
            CopyOutcome.DecidedAgain => "decided-again",
            CopyOutcome.Failed => "failed",
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
        }));
        if (outcome != CopyOutcome.Answered || pending.Copy is null) Forget(pending.PersonId);
        else Keep(pending.Copy);
    }

    public void Forget(Guid personId) => _kept.TryRemove(personId, out _);

    /// <summary>The version of the person's kept copy, or null (for tests and diagnostics).</summary>
    public long? KeptVersion(Guid personId) => _kept.TryGetValue(personId, out var copy) ? copy.Version : null;

    private void Sweep()
    {
        var now = _time.GetUtcNow();
        foreach (var kept in _kept)
            if (kept.Value.KeptAt + Lifetime <= now) _kept.TryRemove(kept);
    }

    private void Keep(Copy copy)
    {
        copy = copy with { KeptAt = _time.GetUtcNow() };
        if (_kept.Count >= Bound) _kept.Clear();
        // Two requests on one person may finish out of order: the higher version is the later state.
        _kept.AddOrUpdate(copy.Person.Id, copy, (_, old) => copy.Version >= old.Version ? copy : old);
    }

    /// <summary>What the decision read, with the stream version it was read at.</summary>
    public sealed record Copy(Person Person, long Version, Offer? Offer, DateOnly Monday, HourLog Week)
    {
        public DateTimeOffset KeptAt { get; init; }
    }

    /// <summary>A request's write model: it gains the entries the request appends; null once it appended anything else.</summary>
    public sealed class Pending(Copy copy, bool fromCopy)
    {
        public Guid PersonId { get; } = copy.Person.Id;

        public bool FromCopy { get; } = fromCopy;

        public Copy? Copy { get; private set; } = copy;

        /// <summary>The hour rows the events become (<see cref="HourRows"/>), added to the kept week with their stream versions.</summary>
        public void Appended(Decision decision)
        {
            if (Copy is not { } copy) return;
            var entries = new List<HourEntry>(copy.Week.Entries);
            var version = copy.Version;
            foreach (var e in decision.Events)
            {
                version++;
                if (e.StreamId != PersonId || e.Event is not HoursLogged logged || HourRows.MondayOf(logged.Date) != copy.Monday)
                {
                    Copy = null;
                    return;
                }
                entries.Add(HourEntry.From(logged, version));
            }
            Copy = copy with { Version = version, Week = new HourLog(entries) };
        }
    }

    /// <summary>
    /// The person's stream as the copy holds it. Its write first locks the person's row and asserts the copy's version,
    /// then asserts the offer's version (confirmed months are on the offer's stream), then appends with the copy's version
    /// as the expected one, so a write on a stale copy fails at the commit before it appends anything.
    /// </summary>
    private sealed class KeptStream(IDocumentSession session, Copy copy) : IEventStream<Person>
    {
        private long _appended;

        public Person Aggregate => copy.Person;
        public long? StartingVersion => copy.Version;
        public long? CurrentVersion => copy.Version + _appended;
        public CancellationToken Cancellation => default;
        public Guid Id => copy.Person.Id;
        public string Key => Id.ToString();
        public IReadOnlyList<IEvent> Events => [];
        public bool AlwaysEnforceConsistency { get; set; }

        public void AppendOne(object @event) => AppendMany([@event]);

        public void AppendMany(IEnumerable<object> events) => AppendMany(events.ToArray());

        public void AppendMany(params object[] events)
        {
            if (_appended == 0)
            {
                // The person's row first, as a locked read takes it; the offer is read, not locked, as there.
                StreamVersionAssertion.Queue(session, Id, copy.Version, lockRow: true);
                if (copy.Offer is { } offer) StreamVersionAssertion.Queue(session, offer.Id, offer.Revision, lockRow: false);
            }
            _appended += events.Length;
            session.Events.Append(Id, copy.Version + _appended, events);
        }

        public void TryFastForwardVersion() { }
    }
}

/// <summary>How a request's write model ends: kept after an answer, or forgotten after an error, run again or not.</summary>
public enum CopyOutcome
{
    Answered,
    DecidedAgain,
    Failed,
}
