using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Persons;

namespace AGH.Domain.Payouts;

/// <summary>The person was heard before a recovery is decided (§ 28 VwVfG i. V. m. § 1 Abs. 1 NVwVfG).</summary>
public sealed record RecoveryHeard(Guid PersonId, Guid RecoveryId, DateOnly HeldOn, string Statement, string HeardBy) : IDomainEvent;

public enum RecoveryOutcome
{
    Recover,
    Waive,
}

/// <summary>An official decided: recover (with an Erstattungsbescheid, <paramref name="NoticeId"/>) or waive.</summary>
public sealed record RecoveryDecided(Guid PersonId, Guid RecoveryId, RecoveryOutcome Outcome, string Reasoning, string DecidedBy, Guid? NoticeId) : IDomainEvent;

/// <summary>A Widerspruch against the Erstattungsbescheid: collection is suspended (§ 86a Abs. 1 SGG).</summary>
public sealed record RecoveryObjectionFiled(Guid PersonId, Guid RecoveryId, DateOnly ReceivedOn, string Statement, string FiledBy) : IDomainEvent;

public sealed record HearRecovery(Guid RecoveryId, DateOnly HeldOn, string Statement, string HeardBy);

public sealed record DecideRecovery(Guid RecoveryId, RecoveryOutcome Outcome, string Reasoning);

public sealed record FileRecoveryObjection(Guid RecoveryId, DateOnly ReceivedOn, string Statement, string FiledBy);

public static class RecoveryProcedure
{
    /// <summary>Open → heard. State first (409 not-open), then the dates: not in the future, not before the recovery was opened.</summary>
    public static Decision Hear(Recovery recovery, HearRecovery c, DateOnly today)
    {
        if (recovery.Status != RecoveryStatus.Open)
            return Rejection.Conflict("not-open", $"The recovery is {Json(recovery.Status)}; only an open recovery is heard (held on {recovery.HeardOn:yyyy-MM-dd}).");
        if (c.HeldOn > today) return Rejection.Unprocessable("date-in-future", "heldOn lies in the future.");
        if (recovery.OpenedOn is { } opened && c.HeldOn < opened)
            return Rejection.Unprocessable("hearing-before-opening", $"heldOn lies before the recovery was opened ({opened:yyyy-MM-dd}).");
        return Decision.Accept(new StreamEvent(recovery.PersonId, new RecoveryHeard(recovery.PersonId, recovery.Id, c.HeldOn, c.Statement, c.HeardBy)));
    }

    /// <summary>Four eyes first (the one who held the hearing does not decide), then the state: heard → decided or waived.</summary>
    public static Decision Decide(Person person, Recovery recovery, DecideRecovery c, Actor official, DateOnly today)
    {
        if (recovery.HeardBy is { } heardBy && heardBy == official.UserId)
            return Rejection.Forbidden("four-eyes", "The person who held the hearing cannot decide the recovery (Vier-Augen-Prinzip).");
        if (recovery.Status is RecoveryStatus.Decided or RecoveryStatus.Final or RecoveryStatus.Waived)
            return Rejection.Conflict("already-decided", $"The recovery was already decided by {recovery.DecidedBy}.");
        if (recovery.Status != RecoveryStatus.Heard)
            return Rejection.Conflict("not-heard", "The person must be heard before the recovery is decided (§ 28 VwVfG).");
        if (c.Outcome == RecoveryOutcome.Waive)
            return Decision.Accept(new StreamEvent(person.Id, new RecoveryDecided(person.Id, recovery.Id, c.Outcome, c.Reasoning, official.UserId, null)));
        var notice = NoticeIssuing.Issue(person, NoticeKind.Erstattungsbescheid, recovery.Id, NoticeVersions.RecoveryNotice, official, today);
        var noticeId = ((NoticeIssued)notice.Event).NoticeId;
        return Decision.Accept(notice,
            new StreamEvent(person.Id, new RecoveryDecided(person.Id, recovery.Id, c.Outcome, c.Reasoning, official.UserId, noticeId)));
    }

    /// <summary>
    /// A Widerspruch against the Erstattungsbescheid (once; only a recover decision has one). receivedOn not in the future and not
    /// before the notice was issued.
    /// </summary>
    public static Decision FileObjection(Recovery recovery, Notice? notice, FileRecoveryObjection c, DateOnly today)
    {
        if (recovery.ObjectionReceivedOn is not null)
            return Rejection.Conflict("objection-exists", $"An objection was received on {recovery.ObjectionReceivedOn:yyyy-MM-dd}.");
        if (recovery.Status != RecoveryStatus.Decided || notice is null)
            return Rejection.Conflict("not-decided", $"The recovery is {Json(recovery.Status)}; only an Erstattungsbescheid is objected to.");
        if (c.ReceivedOn > today) return Rejection.Unprocessable("date-in-future", "receivedOn lies in the future.");
        if (c.ReceivedOn < notice.IssuedOn)
            return Rejection.Unprocessable("objection-before-issue", $"receivedOn lies before the Erstattungsbescheid was issued ({notice.IssuedOn:yyyy-MM-dd}).");
        return Decision.Accept(new StreamEvent(recovery.PersonId,
            new RecoveryObjectionFiled(recovery.PersonId, recovery.Id, c.ReceivedOn, c.Statement, c.FiledBy)));
    }

    /// <summary>
    /// Decided becomes final once the Erstattungsbescheid's remedy deadline has passed (the day after it, against the service's
    /// today) with no objection received by then: a timely objection suspends collection (§ 86a Abs. 1 SGG), a late one does
    /// not. Not notified yet: no deadline runs, so never final. Only final recoveries go to the cash office.
    /// </summary>
    public static RecoveryStatus StatusOn(Recovery recovery, Notice? notice, Policy policy, DateOnly today) =>
        recovery.Status == RecoveryStatus.Decided
            && notice?.RemedyDeadline(policy) is { } deadline && deadline < today
            && (recovery.ObjectionReceivedOn is not { } received || received > deadline)
            ? RecoveryStatus.Final
            : recovery.Status;

    private static string Json(RecoveryStatus s) => s.ToString().ToLowerInvariant();
}
