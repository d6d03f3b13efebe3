namespace AGH.Api.Placements;

public static class PlacementResults
{
    /// <summary>
    /// Answers 200 with the placement as it is after the decision's events. Its hours are read when the answer is
    /// written: the commands answering with a placement do not read them otherwise, and they change no hours.
    /// </summary>
    public static IResult Ok(PlacementStream stream, Decision decision, DateOnly today)
    {
        var after = decision.Events.Where(e => e.StreamId == stream.Person.Id).Aggregate(stream.Person, (p, e) => Person.Evolve(p, e.Event)!);
        return new WithHours(after, stream.Placement.PlacementId, today);
    }

    /// <summary>As <see cref="Ok"/>, answered 201 with the placement as Location: the command added a part of it (an invitation).</summary>
    public static IResult Created(PlacementStream stream, Decision decision, DateOnly today)
    {
        var after = decision.Events.Where(e => e.StreamId == stream.Person.Id).Aggregate(stream.Person, (p, e) => Person.Evolve(p, e.Event)!);
        return new WithHours(after, stream.Placement.PlacementId, today, Created: true);
    }

    private sealed class WithHours(Person person, Guid placementId, DateOnly today, bool Created = false) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            if (Created)
            {
                http.Response.StatusCode = StatusCodes.Status201Created;
                http.Response.Headers.Location = $"/api/placements/{placementId}";
            }
            var placement = person.Placements[placementId];
            var session = http.RequestServices.GetRequiredService<IQuerySession>();
            var hours = await PlacementHours.Newest(session, placement, http.RequestAborted);
            PlacementHours.AnnounceAll(http, placementId, hours);
            var policy = http.RequestServices.GetRequiredService<Policy>();
            await PlacementHours.Answer(http, PlacementDto.From(person, placement, hours, today, policy), [hours]).ExecuteAsync(http);
        }
    }
}
