namespace AGH.Api.Persons;

/// <summary>Who read a person's record (history, export), for the auditor; the reads are kept apart from the case.</summary>
public static class PersonAccessLogEndpoint
{
    /// <summary>Who read the person's history, and when (auditor)</summary>
    [WolverineGet("/api/persons/{id}/access-log", OperationId = "getPersonAccessLog"), Tags("Views"), Auditor]
    [ProducesResponseType<IReadOnlyList<AccessLogEntryDto>>(200), AnswersProblems(403, 404)]
    public static async Task<IResult> AccessLog(Guid id, HttpContext http, IQuerySession session) =>
        await PersonHistory.MunicipalityOf(session, id, http.RequestAborted) is null
            ? Problems.NotFound("person").Answer()
            : Results.Ok(await PersonHistory.AccessEntries(session, id, http.RequestAborted));
}
