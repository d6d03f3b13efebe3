using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using AGH.Api.Sanctions;
using AGH.Projections;

namespace AGH.Api.Placements;

public enum PlacementStatus
{
    Active,
    Ended,
}

public sealed record HourEntryDto(Guid EntryId, DateOnly Date, int Minutes, Guid? CorrectsEntryId, string? Reason, bool Superseded);

public sealed record AssessmentDto(bool GoodCause, ExemptionReason? Reason, string Reasoning);

public sealed record HearingDto(DateOnly HeldOn, string Statement);

public sealed record RefusalDto(Guid RefusalId, DateOnly Date, RefusalKind Kind, string StatedReason, AssessmentDto? Assessment, HearingDto? Hearing);

public sealed record PlacementDto(
    Guid Id,
    Guid PersonId,
    Guid OfferId,
    string Municipality,
    PlacementStatus Status,
    DateOnly NoticeServedOn,
    DateOnly StartsOn,
    int HoursPerWeek,
    int MinutesLogged,
    IReadOnlyList<HourEntryDto> Hours,
    IReadOnlyList<RefusalDto> Refusals,
    IReadOnlyList<SanctionProposalDto> SanctionProposals,
    DateOnly? EndedOn,
    EndReason? EndReason)
{
    public static PlacementDto From(Person person, Placement p, DateOnly today)
    {
        var effective = p.EffectiveEntries.Select(e => e.EntryId).ToHashSet();
        return new PlacementDto(
            p.PlacementId, p.PersonId, p.OfferId, p.Municipality, p.IsActive ? PlacementStatus.Active : PlacementStatus.Ended,
            p.NoticeServedOn, p.StartsOn, p.HoursPerWeek, p.MinutesLogged,
            p.Entries.Select(e => new HourEntryDto(e.EntryId, e.Date, e.Minutes, e.CorrectsEntryId, e.Reason, !effective.Contains(e.EntryId))).ToList(),
            p.Refusals.Values.OrderBy(r => r.Date).Select(r => new RefusalDto(r.RefusalId, r.Date, r.Kind, r.StatedReason,
                r.Assessment is { } a ? new AssessmentDto(a.GoodCause, a.Reason, a.Reasoning) : null,
                r.Hearing is { } h ? new HearingDto(h.HeldOn, h.Statement) : null)).ToList(),
            person.Proposals.Values.Where(x => x.PlacementId == p.PlacementId).Select(x => SanctionProposalDto.From(x, today)).ToList(),
            p.EndedOn, p.EndReason);
    }
}

public static class PlacementAccess
{
    public static readonly string[] Readers = [Roles.Caseworker, Roles.Official, Roles.Auditor];

    /// <summary>Resolves a placement id to its person's stream; invisible placements are not found.</summary>
    public static async Task<(Person Person, Placement Placement)?> Load(Workspace ws, Guid placementId, Actor actor)
    {
        var index = await ws.Query.LoadAsync<PlacementIndex>(placementId);
        if (index is null || !actor.MaySee(index.Municipality)) return null;
        var person = await ws.LoadPerson(index.PersonId);
        if (person is null || !person.Placements.TryGetValue(placementId, out var placement)) return null;
        return (person, placement);
    }

    /// <summary>Runs a placement command: 404 for a placement the caller may not see, else the pure decision.</summary>
    public static Task<IResult> Run(CommandRunner runner, Actor actor, Guid placementId, HttpContext http,
        Func<Person, Placement, Outcome> decide) =>
        Run(runner, actor, placementId, http, (_, person, placement) => Task.FromResult(decide(person, placement)));

    /// <summary>As above, for a decision that reads more (e.g. the offer) from the same workspace.</summary>
    public static Task<IResult> Run(CommandRunner runner, Actor actor, Guid placementId, HttpContext http,
        Func<Workspace, Person, Placement, Task<Outcome>> decide) =>
        runner.Run(actor, async ws =>
        {
            if (await Load(ws, placementId, actor) is not { } found) return Outcome.Stop(Problems.NotFound("placement"));
            // A placement lives in its person's stream: its ETag is that stream's revision.
            if (Preconditions.Check(http, found.Person.Revision) is { } stale) return Outcome.Stop(stale);
            return await decide(ws, found.Person, found.Placement);
        }, http.RequestAborted);

    /// <summary>
    /// The last day of the placement's offer (null when open-ended). Read, not tracked: hours are not written to the
    /// offer's stream, and an offer's period does not change once registered.
    /// </summary>
    public static async Task<DateOnly?> OfferEndsOn(Workspace ws, Placement placement) =>
        (await ws.Query.LoadAsync<AGH.Domain.Offers.Offer>(placement.OfferId))?.EndsOn;
}
