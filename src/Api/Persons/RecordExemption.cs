namespace AGH.Api.Persons;

/// <summary>A good reason not to work (§ 5 Abs. 3 AsylbLG, § 11 Abs. 4 SGB XII): the reason class and period, never a diagnosis.</summary>
[Caseworker]
public static class RecordExemptionEndpoint
{
    public sealed record Request([property: Required] ExemptionReason? Reason, [property: Required] DateOnly? From, DateOnly? Until, string? Note,
        Evidence? Evidence = null, DateOnly? ReviewOn = null);

    /// <summary>What shows the good reason: the kind of document and when it came in, never its content.</summary>
    public sealed record Evidence([property: Required] EvidenceKind? Kind, DateOnly? ReceivedOn);

    public sealed record Created(Guid ExemptionId);

    public static (RecordExemption?, ProblemDetails) Validate(Request? body, Guid id) => Parse.Body(body, (b, v) =>
    {
        var reason = v.Required(b.Reason, "reason");
        // An illness with no known end is looked at again on a set day rather than left open for ever.
        if (b.Reason == ExemptionReason.Illness && b.Until is null && b.ReviewOn is null)
            v.Add("reviewOn", "is required for an illness exemption without until.");
        var evidence = b.Evidence is null ? null
            : new ExemptionEvidence(v.Required(b.Evidence.Kind, "evidence.kind"), v.OptionalDate(b.Evidence.ReceivedOn, "evidence.receivedOn"));
        return new RecordExemption(id, Guid.CreateVersion7(), reason, v.Date(b.From, "from"), v.OptionalDate(b.Until, "until"),
            v.OptionalText(b.Note, "note", 500), evidence, v.OptionalDate(b.ReviewOn, "reviewOn"));
    });

    public static Decision Decide(RecordExemption command, IEventStream<Person> stream) => PersonDecisions.RecordExemption(stream.Aggregate!, command);

    /// <summary>Record a good reason not to work (wichtiger Grund); no health details</summary>
    /// <remarks>evidence { kind: au-certificate|doctor-letter|declaration|none, receivedOn? } names the kind of document only, never a
    /// diagnosis; an illness exemption without until needs reviewOn (400).</remarks>
    [WolverinePost("/api/persons/{id}/exemptions", OperationId = "recordExemption"), Tags("Persons")]
    public static Created<Created> Handle(Request body, RecordExemption command) => TypedResults.Created($"/api/persons/{command.PersonId}", new Created(command.ExemptionId));
}
