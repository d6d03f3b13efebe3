using Marten;

namespace AGH.Api.Notices;

/// <summary>One notice with its dispatch, notification day and remedy deadline; visible as its person is.</summary>
[CaseReader]
public static class GetNoticeEndpoint
{
    [WolverineGet("/api/notices/{id}", OperationId = "getNotice"), Tags("Notices")]
    [EndpointSummary("One notice (Bescheid) with its dispatch, notification and remedy")]
    [ProducesResponseType<NoticeDto>(200), AnswersProblems(403, 404)]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, NoticeSettings settings, Policy policy)
    {
        if (await NoticeAccess.Visible(session, Access.Actor(http), id, http.RequestAborted) is not ({ } person, { } notice))
            return Problems.NotFound("notice").Answer();
        return Results.Ok(await NoticeAccess.Dto(session, person.Id, notice, settings, policy, http.RequestAborted));
    }
}
