namespace AGH.Api.Persons;

/// <summary>One person as the caller may see them, now (with the ETag) or as recorded up to an instant.</summary>
[CaseReader]
public static class GetPersonEndpoint
{
    /// <summary>One person with status, exemptions and current benefit restriction; asOf rebuilds the state recorded up to that instant</summary>
    [WolverineGet("/api/persons/{id}", OperationId = "getPerson"), Tags("Persons")]
    [ProducesResponseType<PersonDto>(200), AnswersProblems(403, 404)]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, Clock clock, Policy policy, string? asOf)
    {
        if (!PersonHistory.TryParseInstant(asOf, out var at))
            return new Checks().Add("asOf", "must be an ISO 8601 instant with offset.").Details().Answer();
        var person = at is { } until
            ? await VersionedPerson.AsRecorded(session, id, until, http.RequestAborted)
            : await VersionedPerson.LoadCurrent(session, id, http.RequestAborted);
        if (!PersonAccess.Visible(Access.Actor(http), person)) return Problems.NotFound("person").Answer();
        if (at is not null)
            return Results.Ok(PersonDto.From(person!, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at.Value, Clock.Berlin).DateTime), policy));
        Preconditions.SetETag(http, person!.Revision);
        var openTasks = await Tasks.OpenTasks.CountFor(session, person, Access.Actor(http), policy, clock.Today, http.RequestAborted);
        return Results.Ok(PersonDto.From(person, clock.Today, policy) with { OpenTasks = openTasks });
    }
}
