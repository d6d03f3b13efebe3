namespace AGH.Api.Persons;

/// <summary>A record entered twice is closed and points to the one kept; only a record without placements holds no case.</summary>
[Caseworker]
public static class MarkDuplicateEndpoint
{
    public sealed record Request([property: Required] Guid? PersonId, [property: Required] string? Reason);

    public static (MarkDuplicate?, ProblemDetails) Validate(Request? body, Guid id) => Parse.Body(body, (b, v) =>
        new MarkDuplicate(id, v.Id(b.PersonId, "personId"), v.Text(b.Reason, "reason", 1000)));

    public static Decision Decide(MarkDuplicate command, DuplicatePair pair) => PersonCorrectionDecisions.MarkDuplicate(pair.Person, pair.Kept!, command);

    /// <summary>Close a record entered twice (doppelt erfasst)</summary>
    /// <remarks>personId names the record that is kept. The closed record reads status duplicate and duplicateOf and counts nowhere
    /// (quota, report, assignment). 404 for an unknown or invisible person in the route or the body; 409 has-placements; 409 already-duplicate;
    /// 422 same-person; 422 duplicate-of-duplicate.</remarks>
    [WolverinePost("/api/persons/{id}/duplicate-of", OperationId = "markPersonDuplicate"), Tags("Persons")]
    public static Ok<PersonDto> Handle(Request body, DuplicatePair pair, Decision decision, Clock clock, Policy policy) => PersonResults.Ok(pair.Person, decision, clock.Today, policy);
}
