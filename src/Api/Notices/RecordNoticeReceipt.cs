namespace AGH.Api.Notices;

/// <summary>
/// The person rebuts the presumed notification (§ 41 Abs. 2 S. 3 VwVfG): received later sets notifiedOn to that day;
/// not received or returned clears it, and the notice may be dispatched again.
/// </summary>
[CaseworkerOrOfficial]
public static class RecordNoticeReceiptEndpoint
{
    public sealed record Request([property: Required] ReceiptOutcome? Outcome, DateOnly? On, [property: Required] string? Note);

    public static (RecordReceipt?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
        new RecordReceipt(id, v.Required(b.Outcome, "outcome"), v.OptionalDate(b.On, "on"), v.Text(b.Note, "note", 2000), actor.UserId));

    public static Decision Decide(RecordReceipt command, NoticeStream stream, Clock clock) =>
        NoticeDecisions.RecordReceipt(stream.Person.Id, stream.Notice, command, clock.Today);

    /// <summary>Record that the person received the notice later, not at all, or that it came back</summary>
    /// <remarks>received-later needs on (not before the dispatch, not in the future) and sets notifiedOn to it; not-received
    /// and returned clear the dispatch and notifiedOn. 409 not-dispatched; 422 receipt-date-required, receipt-before-dispatch, date-in-future.</remarks>
    [WolverinePost("/api/notices/{id}/receipt", OperationId = "recordNoticeReceipt"), Tags("Notices")]
    public static Task<Ok<NoticeDto>> Handle(Request body, NoticeStream stream, Decision decision, IDocumentSession session, HttpContext http) => stream.Answer(decision, session, http);
}
