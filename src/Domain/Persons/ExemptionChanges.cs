using AGH.Domain.Common;

namespace AGH.Domain.Persons;

/// <summary>What shows a good reason (§ 5 Abs. 3 AsylbLG): the kind of document, never a diagnosis.</summary>
public enum EvidenceKind
{
    AuCertificate,
    DoctorLetter,
    Declaration,
    None,
}

public sealed record ExemptionEvidence(EvidenceKind Kind, DateOnly? ReceivedOn);

/// <summary>The good reason ends with <paramref name="Until"/> (its last day), which may lie in the future.</summary>
public sealed record ExemptionEnded(Guid PersonId, Guid ExemptionId, DateOnly Until) : IDomainEvent;

/// <summary>The exemption was recorded in error: from now on it counts nowhere; the history keeps both events.</summary>
public sealed record ExemptionWithdrawn(Guid PersonId, Guid ExemptionId, string Reason) : IDomainEvent;

public sealed record EndExemption(Guid PersonId, Guid ExemptionId, DateOnly Until);

public sealed record WithdrawExemption(Guid PersonId, Guid ExemptionId, string Reason);

public static class ExemptionDecisions
{
    /// <summary>Shortens an exemption, or ends an open-ended one; checks in the contract's order (404, 409, 422).</summary>
    public static Decision End(Person person, EndExemption c)
    {
        var (exemption, refused) = Changeable(person, c.ExemptionId);
        if (refused is not null) return refused;
        if (exemption!.Until is { } until && c.Until >= until)
            return Rejection.Conflict("exemption-ended", $"The exemption already ends on {until:yyyy-MM-dd}.");
        if (c.Until < exemption.From)
            return Rejection.Unprocessable("end-before-start", $"until lies before the exemption's start ({exemption.From:yyyy-MM-dd}).");
        return Decision.Accept(new StreamEvent(person.Id, new ExemptionEnded(person.Id, c.ExemptionId, c.Until)));
    }

    public static Decision Withdraw(Person person, WithdrawExemption c)
    {
        if (Changeable(person, c.ExemptionId).Refused is { } refused) return refused;
        return Decision.Accept(new StreamEvent(person.Id, new ExemptionWithdrawn(person.Id, c.ExemptionId, c.Reason)));
    }

    /// <summary>The exemption to end or withdraw, or why it cannot be: it does not exist (404) or was withdrawn (409).</summary>
    private static (Exemption? Exemption, Rejection? Refused) Changeable(Person person, Guid exemptionId) =>
        person.Exemptions.FirstOrDefault(x => x.ExemptionId == exemptionId) switch
        {
            null => (null, Rejection.NotFound("not-found", "No such exemption.")),
            { Withdrawn: true } => (null, Rejection.Conflict("exemption-withdrawn", "The exemption was withdrawn as recorded in error.")),
            var exemption => (exemption, null),
        };
}
