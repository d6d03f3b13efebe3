namespace AGH.Api.Placements;

/// <summary>The invitation to the hearing (§ 28 VwVfG i. V. m. § 1 Abs. 1 NVwVfG) with a deadline the person can keep.</summary>
[CaseworkerOrOfficial]
public static class InviteToHearingEndpoint
{
    public sealed record Request(
        [property: Required] DateOnly? InvitedOn,
        [property: Required] HearingForm? Form,
        [property: Required] DateOnly? Deadline,
        [property: Required] string? Language,
        bool? Interpreter,
        HearingDelivery? Delivery);

    public static (InviteToHearing?, ProblemDetails) Validate(Request? body, Guid id, Guid refusalId) => Parse.Body(body, (b, v) =>
    {
        InformationLanguageField.Check(v, b.Language, "language");
        return new InviteToHearing(id, refusalId, v.Date(b.InvitedOn, "invitedOn"), v.Required(b.Form, "form"), v.Date(b.Deadline, "deadline"),
            v.Text(b.Language, "language", 2), b.Interpreter ?? false, b.Delivery ?? HearingDelivery.Post);
    });

    public static Decision Decide(InviteToHearing command, PlacementStream stream, Clock clock) =>
        HearingDecisions.Invite(stream.Person, stream.Placement, command, clock.Today);

    /// <summary>Invite the person to the hearing (Anhörung, § 28 VwVfG) on a refusal</summary>
    /// <remarks>delivery defaults to post. deadline at least 14 days after the presumed receipt (invitedOn when handed over, its
    /// fourth day, moved off weekends and Lower Saxony holidays, when posted): else 422 deadline-too-short. invitedOn in the future: 422
    /// date-in-future; before the refusal: 422 invitation-before-refusal; a second invitation: 409 already-invited; language one of the
    /// informationLanguage list (de, en, ar, fa, ps, ku, ti, so, tr, ru, uk, fr), else 400. interpreter: whether one will be present.
    /// Once the deadline has passed with no hearing the hearing precondition of a proposal is met.</remarks>
    [WolverinePost("/api/placements/{id}/refusals/{refusalId}/hearing-invitation", OperationId = "inviteToHearing"), Tags("Refusals and sanctions")]
    [ProducesResponseType<PlacementDto>(201)]
    public static IResult Handle(Request body, PlacementStream stream, Decision decision, Clock clock) =>
        PlacementResults.Created(stream, decision, clock.Today);
}
