namespace AGH.Api.Placements;

public sealed record LawsuitDto(DateOnly FiledOn, string Court, string FileNumber, LawsuitOutcome? Outcome, DateOnly? EndedOn);

/// <summary>The Widerspruch against the placement's Heranziehungsbescheid (contract v3a); <c>lawsuit</c> once a Klage is recorded.</summary>
public sealed record PlacementObjectionDto(DateOnly ReceivedOn, bool Timely, PlacementObjectionStatus Status, DateOnly? DecidedOn, LawsuitDto? Lawsuit)
{
    public static PlacementObjectionDto? From(Person person, Placement placement, Policy policy) => placement.Objection is not { } o ? null
        : new PlacementObjectionDto(o.ReceivedOn, DutySuspension.IsTimely(person, placement, policy), o.Status, o.DecidedOn,
            o.Lawsuit is { } l ? new LawsuitDto(l.FiledOn, l.Court, l.FileNumber, l.Outcome, l.EndedOn) : null);
}

/// <summary>The answer of the objection's commands: the placement's id and its objection after the command.</summary>
public sealed record PlacementObjectionAnswer(Guid Id, PlacementObjectionDto Objection);

/// <summary>As <see cref="PlacementObjectionAnswer"/>, with the notice the command issued.</summary>
public sealed record PlacementObjectionNoticeAnswer(Guid Id, Guid NoticeId, PlacementObjectionDto Objection);

public static class PlacementObjectionResults
{
    public static Ok<PlacementObjectionAnswer> Ok(PlacementStream stream, Decision decision, Policy policy) =>
        TypedResults.Ok(Answer(stream, decision, policy));

    /// <summary>201 with the placement as Location: the command added a part of it (the objection, a lawsuit).</summary>
    public static Created<PlacementObjectionAnswer> Created(PlacementStream stream, Decision decision, Policy policy) =>
        TypedResults.Created($"/api/placements/{stream.Placement.PlacementId}", Answer(stream, decision, policy));

    public static Ok<PlacementObjectionNoticeAnswer> OkWithNotice(PlacementStream stream, Decision decision, Policy policy) =>
        TypedResults.Ok(WithNotice(stream, decision, policy));

    /// <summary>201 with the issued notice as Location.</summary>
    public static Created<PlacementObjectionNoticeAnswer> CreatedNotice(PlacementStream stream, Decision decision, Policy policy)
    {
        var answer = WithNotice(stream, decision, policy);
        return TypedResults.Created($"/api/notices/{answer.NoticeId}", answer);
    }

    private static PlacementObjectionAnswer Answer(PlacementStream stream, Decision decision, Policy policy)
    {
        var (person, placement) = After(stream, decision);
        return new PlacementObjectionAnswer(placement.PlacementId, PlacementObjectionDto.From(person, placement, policy)!);
    }

    private static PlacementObjectionNoticeAnswer WithNotice(PlacementStream stream, Decision decision, Policy policy)
    {
        var (person, placement) = After(stream, decision);
        var noticeId = decision.Events.Select(e => e.Event).OfType<Domain.Notices.NoticeIssued>().Single().NoticeId;
        return new PlacementObjectionNoticeAnswer(placement.PlacementId, noticeId, PlacementObjectionDto.From(person, placement, policy)!);
    }

    private static (Person, Placement) After(PlacementStream stream, Decision decision)
    {
        var person = decision.Events.Where(e => e.StreamId == stream.Person.Id).Aggregate(stream.Person, (p, e) => Person.Evolve(p, e.Event)!);
        return (person, person.Placements[stream.Placement.PlacementId]);
    }
}
