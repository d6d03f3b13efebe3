using Marten.Services;

namespace AGH.Api.Infrastructure;

/// <summary>
/// Stamps who, on which legal basis and when on every event a session is about to store, in one place for every
/// command: the actor comes from the session's <c>actor</c> header (set by <see cref="CommandActor"/> or a scheduled
/// job), the legal basis from the event's type, the time from the service clock.
/// </summary>
public sealed class EventStamping(TimeProvider time) : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var actor = session.GetHeader(EventHeaders.Actor) as Actor;
        var now = time.GetUtcNow();
        var stamped = false;
        foreach (var stream in session.PendingChanges.Streams())
        foreach (var e in stream.Events)
        {
            if (e.Headers?.ContainsKey(EventHeaders.LegalBasis) == true) continue;
            if (actor is null)
                throw new InvalidOperationException($"{e.Data.GetType().Name} would be stored without an actor: every event names who recorded it.");
            EventHeaders.Stamp(e, actor, now);
            stamped = true;
        }
        // The name beside login ids in answers (contract v3d: decidedByName...), kept as the token carried it.
        if (stamped && actor is not null && StaffNames.Remember(actor)) session.Store(new StaffMember(actor.UserId, actor.Name));
        return Task.CompletedTask;
    }
}

/// <summary>Who is acting in this session: set once per command, read by <see cref="EventStamping"/>.</summary>
public static class CommandActor
{
    public static void Set(IDocumentSession session, Actor actor)
    {
        session.SetHeader(EventHeaders.Actor, actor);
        session.LastModifiedBy = actor.UserId;
    }
}
