namespace AGH.Api.Accidents;

/// <summary>One accident (the Location of a new one).</summary>
[AccidentReader]
public static class GetAccidentEndpoint
{
    /// <summary>One accident</summary>
    [WolverineGet("/api/accidents/{id}", OperationId = "getAccident"), Tags("Accidents")]
    [ProducesResponseType<AccidentDto>(200), AnswersProblems(403, 404)]
    public static Task<IResult> Get(Guid id, HttpContext http, IQuerySession session) =>
        VisibleRead.Document<Accident, AccidentDto>(id, http, session, "accident", AccidentAccess.Visible, AccidentDto.From);
}
