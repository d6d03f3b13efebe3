using System.ComponentModel;

namespace AGH.Api.Accidents;

/// <summary>
/// An accident as listed. Data minimisation: a provider sees the description and the incapacity only where it recorded them
/// itself; the office's entries are health data (Art. 9 DSGVO) the provider did not report.
/// </summary>
public sealed record AccidentDto(
    Guid Id,
    Guid PlacementId,
    Guid PersonId,
    Guid OfferId,
    DateOnly On,
    [property: Description("The offer's Unfallversicherungsträger when the accident was recorded.")] string? AccidentInsurer,
    [property: Description("The day the report to the insurer is due: recordedOn + 3 days (§ 193 Abs. 1 and 4 SGB VII), a fatal accident recordedOn.")]
    DateOnly ReportDueOn,
    [property: Description("open: incapacity over three days or fatal, not reported; reported; not-reportable.")] AccidentStatus Status,
    [property: Description("Null for a provider where the office recorded it.")] string? Description,
    [property: Description("Days of incapacity for work; null when unknown, and for a provider where the office recorded it.")] int? IncapacityDays,
    bool Fatal,
    [property: Description("The day the accident was recorded, the day the provider or the office learned of it (§ 193 Abs. 4 SGB VII).")] DateOnly RecordedOn,
    DateOnly? ReportedOn,
    string RecordedBy,
    string? ReportedBy)
{
    public static AccidentDto From(Accident a, Actor actor)
    {
        var provider = ProviderScope.IsProvider(actor);
        bool Own(string? by) => !provider || by is not null && by == actor.Provider;
        return new(a.Id, a.PlacementId, a.PersonId, a.OfferId, a.On, a.AccidentInsurer, a.ReportDueOn, a.Status,
            Own(a.RecordedByProvider) ? a.Description : null, Own(a.IncapacityByProvider) ? a.IncapacityDays : null, a.Fatal, a.RecordedOn,
            a.ReportedOn, a.RecordedBy, a.ReportedBy);
    }
}

public static class AccidentAccess
{
    /// <summary>Providers: accidents at their offers (the offer's provider when recorded); coordinators and auditors all; others by municipality.</summary>
    public static bool Visible(Actor actor, Accident accident) =>
        ProviderScope.IsProvider(actor) ? actor.Provider is { } own && accident.ProviderId == own
        : actor.Role == Roles.Coordinator || actor.MaySee(accident.Municipality);
}

/// <summary>The placement's person stream, locked, with the offer's provider and insurer (read, not locked: the accident is not written to the offer).</summary>
public sealed record AccidentPlacement(PlacementStream Placement, Offer? Offer)
{
    public static async Task<AccidentPlacement?> Load(IDocumentSession session, Guid placementId, HttpContext http, CancellationToken ct) =>
        await CommandStreams.Placement(session, placementId, http, ct) is { } stream
            ? new AccidentPlacement(stream, await session.LoadAsync<Offer>(stream.Placement.OfferId, ct))
            : null;
}

/// <summary>An accident's person stream, fetched for writing, and the accident.</summary>
public sealed record AccidentStream(IEventStream<Person> Stream, Accident Accident)
{
    public static async Task<AccidentStream?> Load(IDocumentSession session, Guid id, HttpContext http, CancellationToken ct) =>
        await LockedView.Load<Accident>(session, id, x => x.PersonId, x => AccidentAccess.Visible(Access.Actor(http), x), ct)
            is { } found ? new AccidentStream(found.Stream, found.View) : null;

    /// <summary>A command's 200: the accident after the decision, as the caller may see it.</summary>
    public Ok<AccidentDto> Answer(Decision decision, HttpContext http) =>
        TypedResults.Ok(AccidentDto.From(decision.Events.Select(e => e.Event).Aggregate(Accident, (a, e) => a.When(e)), Access.Actor(http)));
}
