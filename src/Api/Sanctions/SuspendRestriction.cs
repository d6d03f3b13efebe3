namespace AGH.Api.Sanctions;

/// <summary>
/// A court orders the suspensive effect (§ 86b Abs. 1 S. 1 Nr. 2 SGG) or an interim order (§ 86b Abs. 2 SGG), or the
/// authority suspends enforcement itself (§ 86a Abs. 3 SGG): the restriction is suspended from <c>from</c>.
/// </summary>
[Official]
public static class SuspendRestrictionEndpoint
{
    public sealed record Request(
        [property: Required] SuspensionKind? Kind,
        SuspensionScope? Scope,
        string? Court,
        string? FileNumber,
        [property: Required] DateOnly? DecidedOn,
        [property: Required] DateOnly? From,
        [property: Required] string? Note);

    public static (SuspendRestriction?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
    {
        var kind = v.Required(b.Kind, "kind");
        // A court's order is known by its court and file number.
        var byCourt = kind is SuspensionKind.CourtOrder or SuspensionKind.InterimOrder;
        var court = v.Text(b.Court, "court", 200, required: byCourt);
        var fileNumber = v.Text(b.FileNumber, "fileNumber", 100, required: byCourt);
        return new SuspendRestriction(id, kind, b.Scope, court.Length == 0 ? null : court, fileNumber.Length == 0 ? null : fileNumber,
            v.Date(b.DecidedOn, "decidedOn"), v.Date(b.From, "from"), v.Text(b.Note, "note", 8000), actor.UserId);
    });

    public static Decision Decide(SuspendRestriction command, ProposalStream stream, Clock clock) =>
        RestrictionSuspensions.Suspend(stream.Person, command, clock.Today);

    /// <summary>Record a suspension of the restriction (Anordnung der aufschiebenden Wirkung, einstweilige Anordnung, Aussetzung)</summary>
    /// <remarks>kind court-order (§ 86b Abs. 1 S. 1 Nr. 2 SGG), interim-order (§ 86b Abs. 2 SGG) or authority (§ 86a Abs. 3 SGG);
    /// court and fileNumber are required for court orders (400). Status suspended from `from`; the person's restriction is null;
    /// backPaymentDue once it was in force. A court order holds the person's record against erasure until it ended.
    /// 409 already-suspended; 409 restriction-not-in-force; 422 date-in-future (decidedOn); 422 end-before-start (from before startsOn).</remarks>
    [WolverinePost("/api/sanction-proposals/{id}/suspension", OperationId = "suspendRestriction"), Tags("Refusals and sanctions")]
    public static Created<SanctionProposalDto> Handle(Request body, ProposalStream stream, Decision decision, Clock clock, Policy policy) => ProposalResults.Created(stream, decision, clock.Today, policy);
}
