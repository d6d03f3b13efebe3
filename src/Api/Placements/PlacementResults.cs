using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Persons;

namespace AGH.Api.Placements;

public static class PlacementResults
{
    /// <summary>Answers 200 with the placement as it is after the decision's events.</summary>
    public static IResult Ok(PlacementStream stream, Decision decision, DateOnly today)
    {
        var after = decision.Events.Where(e => e.StreamId == stream.Person.Id).Aggregate(stream.Person, (p, e) => Person.Evolve(p, e.Event)!);
        return Results.Ok(PlacementDto.From(after, after.Placements[stream.Placement.PlacementId], today));
    }
}
