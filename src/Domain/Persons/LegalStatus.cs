using AGH.Domain.Common;

namespace AGH.Domain.Persons;

/// <summary>The residence status the social office records; only <see cref="Excluded"/> changes the duty.</summary>
public enum LegalStatus
{
    Applicant,
    Tolerated,
    DepartureObliged,
    ResidencePermit,
    /// <summary>Excluded from benefits under § 1 Abs. 4 AsylbLG (e.g. a Dublin case after the transfer order).</summary>
    Excluded,
}

public sealed record LegalStatusRecorded(Guid PersonId, LegalStatus Status, DateOnly Since, string Note) : IDomainEvent;

public sealed record LegalStatusEntry(LegalStatus Status, DateOnly Since);

public sealed record RecordLegalStatus(Guid PersonId, LegalStatus Status, DateOnly Since, string Note);

public static class LegalStatusDecisions
{
    /// <summary>
    /// Records a status. <see cref="LegalStatus.Excluded"/> also ends the entitlement from <c>Since</c>, exactly as an
    /// entitlement end would (an active placement ends as entitlement-ended; hours after it must be corrected first), so
    /// it can only be recorded once it has taken effect. <paramref name="hoursAfter"/> holds at least the weeks after <c>Since</c>.
    /// </summary>
    public static Decision Record(Person person, RecordLegalStatus c, Placements.HourLog hoursAfter, DateOnly today)
    {
        var recorded = new StreamEvent(person.Id, new LegalStatusRecorded(person.Id, c.Status, c.Since, c.Note));
        if (c.Status != LegalStatus.Excluded || !person.IsEntitled) return Decision.Accept(recorded);
        var end = PersonDecisions.EndEntitlement(person, new EndEntitlement(person.Id, c.Since, "Leistungsausschluss nach § 1 Abs. 4 AsylbLG"), hoursAfter, today);
        return end.IsRejected ? end : new Decision([recorded, .. end.Events], null);
    }
}
