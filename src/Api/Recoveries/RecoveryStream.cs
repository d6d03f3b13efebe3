namespace AGH.Api.Recoveries;

/// <summary>A recovery's person stream, fetched for writing, and the recovery as its view stood once locked.</summary>
public sealed record RecoveryStream(IEventStream<Person> Stream, Recovery Recovery)
{
    public Person Person => Stream.Aggregate!;

    public static async Task<RecoveryStream?> Load(IDocumentSession session, Guid recoveryId, HttpContext http, CancellationToken ct) =>
        await LockedView.Load<Recovery>(session, recoveryId, r => r.PersonId, r => RecoveryAccess.Visible(Access.Actor(http), r.Municipality), ct)
            is { } found ? new RecoveryStream(found.Stream, found.View) : null;

    /// <summary>The recovery as the decision's events leave it, for the answer.</summary>
    public Recovery After(Decision decision) => decision.Events.Select(e => e.Event).Aggregate(Recovery, (r, e) => r.When(e));

    /// <summary>The answer: the recovery after the decision, its status as of today (decided may already be final).</summary>
    public RecoveryDto Answer(Decision decision, Policy policy, DateOnly today)
    {
        var after = After(decision);
        return RecoveryDto.From(after, RecoveryDto.StatusOf(after, Person, policy, today));
    }
}

public static class RecoveryAccess
{
    /// <summary>Payroll collects for every municipality; others see recoveries as they see the person.</summary>
    public static bool Visible(Actor actor, string municipality) => actor.Role == Roles.Payroll || actor.MaySee(municipality);
}
