using AGH.Domain.Persons;
using AGH.Domain.Placements;

namespace AGH.Api.Placements;

/// <summary>Whether a good cause (wichtiger Grund, § 5 Abs. 3 AsylbLG, § 11 Abs. 4 SGB XII) excuses the refusal.</summary>
[Caseworker]
public static class AssessRefusalEndpoint
{
    public sealed record Request([property: Required] bool? GoodCause, ExemptionReason? Reason, [property: Required] string? Reasoning);

    public static (AssessRefusal?, ProblemDetails) Validate(Request? body, Guid id, Guid refusalId) => Parse.Body(body, (b, v) =>
    {
        var goodCause = v.Required(b.GoodCause, "goodCause");
        if (goodCause && b.Reason is null) v.Add("reason", "is required when goodCause is true.");
        return new AssessRefusal(id, refusalId, goodCause, b.Reason, v.Text(b.Reasoning, "reasoning", 4000));
    });

    public static Decision Decide(AssessRefusal command, PlacementStream stream) => PlacementDecisions.AssessRefusal(stream.Person, stream.Placement, command);

    [WolverinePost("/api/placements/{id}/refusals/{refusalId}/assessment", OperationId = "assessRefusal"), Tags("Refusals and sanctions"), EndpointSummary("Assess a refusal: good cause (wichtiger Grund) or not")]
    [ProducesResponseType<PlacementDto>(200)]
    public static IResult Handle(Request body, PlacementStream stream, Decision decision, Clock clock) => PlacementResults.Ok(stream, decision, clock.Today);
}
