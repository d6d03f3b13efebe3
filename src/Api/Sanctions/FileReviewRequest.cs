namespace AGH.Api.Sanctions;

/// <summary>The person applies for review of the restriction under § 44 SGB X (through § 9 Abs. 4 AsylbLG), also when it has expired.</summary>
[CaseworkerOrOfficial]
public static class FileReviewRequestEndpoint
{
    public static (FileReviewRequest?, ProblemDetails) Validate(Guid id, ReceivedStatementRequest? body, Actor actor) =>
        ReceivedStatementRequest.Parse(body, (receivedOn, statement) => new FileReviewRequest(id, receivedOn, statement, actor.UserId));

    public static Decision Decide(FileReviewRequest command, ProposalStream stream, Clock clock) => ReviewRequests.File(stream.Person, command, clock.Today);

    /// <summary>Record the person's application for review (Überprüfungsantrag nach § 44 SGB X)</summary>
    /// <remarks>Also for an expired or unappealable restriction. 422 not-approved when nothing was approved; 409 review-request-exists
    /// while one is undecided; 409 already-withdrawn; 422 date-in-future.</remarks>
    [WolverinePost("/api/sanction-proposals/{id}/review-request", OperationId = "fileReviewRequest"), Tags("Refusals and sanctions")]
    public static Created<SanctionProposalDto> Handle(ReceivedStatementRequest body, ProposalStream stream, Decision decision, Clock clock, Policy policy) => ProposalResults.Created(stream, decision, clock.Today, policy);
}
