using AGH.Domain.Common;
using AGH.Domain.Persons;

namespace AGH.Api.Placements;

public static class PlacementResults
{
    /// <summary>Answers 200 with the placement as it is after the decision's events.</summary>
    public static IResult Ok(Person person, Decision decision, Guid placementId, DateOnly today, Policy policy)
    {
        var after = decision.Events.Where(e => e.StreamId == person.Id).Aggregate(person, (p, e) => Person.Evolve(p, e.Event)!);
        return Results.Ok(PlacementDto.From(after, after.Placements[placementId], today, policy));
    }
}
