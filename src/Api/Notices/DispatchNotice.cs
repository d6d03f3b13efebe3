namespace AGH.Api.Notices;

/// <summary>
/// The notice went out: handed over, posted, served with a PZU or sent electronically. The answer carries the
/// notification day the service presumes (§ 41 Abs. 2 VwVfG i. V. m. § 1 Abs. 1 NVwVfG), which the person may rebut.
/// </summary>
[CaseworkerOrOfficial]
public static class DispatchNoticeEndpoint
{
    public sealed record Request([property: Required] DispatchMethod? Method, [property: Required] DateOnly? On, bool? AccessOpened);

    public static (DispatchNotice?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
        new DispatchNotice(id, v.Required(b.Method, "method"), v.Date(b.On, "on"), b.AccessOpened ?? false, actor.UserId));

    public static Decision Decide(DispatchNotice command, NoticeStream stream, Clock clock) =>
        NoticeDecisions.Dispatch(stream.Person.Id, stream.Notice, command, clock.Today);

    /// <summary>Record that the notice was handed over, posted, served (PZU) or sent electronically</summary>
    /// <remarks>notifiedOn: handed-over and pzu on the day; post and electronic the fourth day after, moved off weekends and
    /// Lower Saxony holidays. 409 already-dispatched; 422 date-in-future, dispatch-before-issue; electronic needs accessOpened
    /// (§ 3a VwVfG): else 422 electronic-not-opened.</remarks>
    [WolverinePost("/api/notices/{id}/dispatch", OperationId = "dispatchNotice"), Tags("Notices")]
    public static Task<Ok<NoticeDto>> Handle(Request body, NoticeStream stream, Decision decision, IDocumentSession session, HttpContext http) => stream.Answer(decision, session, http);
}
