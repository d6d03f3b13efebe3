namespace AGH.Api.Notices;

/// <summary>One notice with its dispatch, notification day and remedy deadline; visible as its person is.</summary>
[CaseReader]
public static class GetNoticeEndpoint
{
    /// <summary>One notice (Bescheid) with its dispatch, notification and remedy</summary>
    [WolverineGet("/api/notices/{id}", OperationId = "getNotice"), Tags("Notices")]
    [ProducesResponseType<NoticeDto>(200), AnswersProblems(403, 404)]
    public static Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, NoticeSettings settings, Policy policy) =>
        VisibleRead.Answer(NoticeAccess.Visible, "notice", id, http, session,
            async found => Results.Ok(await NoticeAccess.Dto(session, found.Person.Id, found.Notice, settings, policy, http.RequestAborted)));
}
