using System.ComponentModel;

namespace AGH.Api.Placements;

/// <summary>Anhörung (§ 28 VwVfG) before any burdening decision on a refusal.</summary>
[Caseworker]
public static class HoldHearingEndpoint
{
    public sealed record Request(
        [property: Required] DateOnly? HeldOn,
        [property: Required, System.ComponentModel.Description("What the person said; required (contract v3d): write \"keine Äußerung\" when the person said nothing. Appears in the notice.")]
        string? Statement,
        [property: System.ComponentModel.Description("How the hearing was held (written or oral).")]
        HearingForm? Form = null,
        [property: System.ComponentModel.Description("An oral hearing face to face; only such a hearing may be held on the refusal day itself (else 422 hearing-on-refusal-day). Only with form oral.")]
        bool? HeldInPerson = null);

    public static (HoldHearing?, ProblemDetails) Validate(Request? body, Guid id, Guid refusalId) => Parse.Body(body, (b, v) =>
    {
        if (b.HeldInPerson == true && b.Form != HearingForm.Oral) v.Add("heldInPerson", "applies only to form oral.");
        return new HoldHearing(id, refusalId, v.Date(b.HeldOn, "heldOn"), v.Text(b.Statement, "statement", 8000), b.Form, b.HeldInPerson);
    });

    public static Decision Decide(HoldHearing command, PlacementStream stream, Clock clock) =>
        PlacementDecisions.HoldHearing(stream.Person, stream.Placement, command, clock.Today);

    /// <summary>Record the hearing (Anhörung, § 28 VwVfG) on a refusal</summary>
    [WolverinePost("/api/placements/{id}/refusals/{refusalId}/hearing", OperationId = "holdHearing"), Tags("Refusals and sanctions")]
    [ProducesResponseType<PlacementDto>(200)]
    public static IResult Handle(Request body, PlacementStream stream, Decision decision, Clock clock) => PlacementResults.Ok(stream, decision, clock.Today);
}
