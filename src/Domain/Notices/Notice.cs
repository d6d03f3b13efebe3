using AGH.Domain.Common;

namespace AGH.Domain.Notices;

/// <summary>The notices the service issues (contract v3a); each one the person must be told of is a resource of its own.</summary>
public enum NoticeKind
{
    Heranziehungsbescheid,
    Einschraenkungsbescheid,
    Mitteilung,
    Fortsetzungsbescheid,
    Abhilfebescheid,
    Widerspruchsbescheid,
    AnordnungSofortigeVollziehung,
    Aufhebungsbescheid,
    Ablehnung,
    Erstattungsbescheid,
}

/// <summary>Issued by the service (with its PDF), or served outside it and only recorded (v1's <c>noticeServedOn</c>).</summary>
public enum NoticeOrigin
{
    Service,
    External,
}

/// <summary>What the person can do against a notice, and so which deadline it sets running.</summary>
public enum Remedy
{
    Widerspruch,
    Klage,
    /// <summary>An application to the court for suspensive effect (§ 86b Abs. 1 SGG): no deadline.</summary>
    Antrag86b,
    None,
}

/// <summary>The person rebuts the presumed notification (§ 41 Abs. 2 S. 3 VwVfG): later, never, or the letter came back.</summary>
public enum ReceiptOutcome
{
    ReceivedLater,
    NotReceived,
    Returned,
}

/// <summary>
/// A notice was issued. <paramref name="IssuedOn"/> is the service's day when it was created (the printed "Datum"), or the
/// day it was served for an external one; <paramref name="Version"/> names the wording (null for an external notice).
/// </summary>
public sealed record NoticeIssued(
    Guid NoticeId,
    Guid PersonId,
    NoticeKind Kind,
    Guid SubjectId,
    string? Version,
    DateOnly IssuedOn,
    string IssuedBy,
    string IssuedByName,
    string IssuedByRole,
    string Authority,
    NoticeOrigin Origin) : IDomainEvent;

/// <summary>
/// The notice was handed over, posted, served with a PZU or sent electronically on <paramref name="On"/>;
/// <paramref name="NotifiedOn"/> is the notification day the service computed then (<see cref="NoticeCalendar.NotifiedOn"/>).
/// </summary>
public sealed record NoticeDispatched(Guid NoticeId, Guid PersonId, DispatchMethod Method, DateOnly On, DateOnly NotifiedOn, string RecordedBy) : IDomainEvent;

/// <summary>The presumption of notification rebutted: received later on <paramref name="On"/>, or not at all.</summary>
public sealed record NoticeReceiptRecorded(Guid NoticeId, Guid PersonId, ReceiptOutcome Outcome, DateOnly? On, string Note, string RecordedBy) : IDomainEvent;

/// <summary>
/// A translated annex of the notice's Belehrungen (<paramref name="Language"/>, wording <paramref name="Version"/>, e.g.
/// <c>rfb-ar-v1</c>) was rendered for <paramref name="RenderedBy"/>: the notice lists it from then on. The German notice
/// alone is binding (§ 23 Abs. 1 VwVfG); the annex is an aid to understanding it.
/// </summary>
public sealed record NoticeAnnexRendered(Guid NoticeId, Guid PersonId, string Language, string Version, string RenderedBy) : IDomainEvent;

public sealed record NoticeDispatch(DispatchMethod Method, DateOnly On, string RecordedBy);

/// <summary>A translated annex rendered for the notice: its language and the translation's own version.</summary>
public sealed record NoticeAnnex(string Language, string Version);

public sealed record Notice(
    Guid NoticeId,
    NoticeKind Kind,
    Guid SubjectId,
    string? Version,
    DateOnly IssuedOn,
    string IssuedBy,
    string IssuedByName,
    string IssuedByRole,
    string Authority,
    NoticeOrigin Origin,
    NoticeDispatch? Dispatch,
    DateOnly? NotifiedOn)
{
    /// <summary>Rendered annexes, each once; a view stored before annexes existed reads none.</summary>
    public IReadOnlyList<NoticeAnnex> Annexes { get; init; } = [];

    public static Notice Start(NoticeIssued e) => new(
        e.NoticeId, e.Kind, e.SubjectId, e.Version, e.IssuedOn, e.IssuedBy, e.IssuedByName, e.IssuedByRole, e.Authority, e.Origin, null, null);

    // Rendering the same annex again (or twice at once) leaves one entry.
    public Notice When(NoticeAnnexRendered e) => (Annexes ?? []).Contains(new NoticeAnnex(e.Language, e.Version))
        ? this
        : this with { Annexes = [.. Annexes ?? [], new NoticeAnnex(e.Language, e.Version)] };

    public Notice When(NoticeDispatched e) => this with { Dispatch = new NoticeDispatch(e.Method, e.On, e.RecordedBy), NotifiedOn = e.NotifiedOn };

    // Not received or returned: no notification stands, and the notice may be dispatched again.
#pragma warning disable CS8524
    public Notice When(NoticeReceiptRecorded e) => e.Outcome switch
    {
        ReceiptOutcome.ReceivedLater => this with { NotifiedOn = e.On },
        ReceiptOutcome.NotReceived or ReceiptOutcome.Returned => this with { Dispatch = null, NotifiedOn = null },
    };
#pragma warning restore CS8524

    public Remedy Remedy => Remedies.Of(Kind);

    /// <summary>
    /// The end of the period for the remedy: a month from notification (§§ 84, 87 SGG, counted by § 64 SGG), a year
    /// where the notice's wording is marked defective (§ 66 Abs. 2 SGG); none before notification or without a deadline.
    /// </summary>
    public DateOnly? RemedyDeadline(Policy policy) =>
        NotifiedOn is not { } notified || Remedy is Remedy.Antrag86b or Remedy.None ? null
        : policy.WordingDefective(Version) ? NoticeCalendar.YearDeadline(notified)
        : NoticeCalendar.MonthDeadline(notified);

    /// <summary>The Widerspruch deadline: the remedy deadline of a notice open to a Widerspruch, else none.</summary>
    public DateOnly? ObjectionDeadline(Policy policy) => Remedy == Remedy.Widerspruch ? RemedyDeadline(policy) : null;
}

/// <summary>The remedy of each kind of notice (contract v3 "legal corrections"); every kind is named, with no fallback.</summary>
public static class Remedies
{
#pragma warning disable CS8524
    public static Remedy Of(NoticeKind kind) => kind switch
    {
        NoticeKind.Heranziehungsbescheid => Remedy.Widerspruch,
        NoticeKind.Einschraenkungsbescheid => Remedy.Widerspruch,
        NoticeKind.Fortsetzungsbescheid => Remedy.Widerspruch,
        NoticeKind.Aufhebungsbescheid => Remedy.Widerspruch,
        NoticeKind.Ablehnung => Remedy.Widerspruch,
        NoticeKind.Erstattungsbescheid => Remedy.Widerspruch,
        NoticeKind.Widerspruchsbescheid => Remedy.Klage,
        NoticeKind.AnordnungSofortigeVollziehung => Remedy.Antrag86b,
        NoticeKind.Mitteilung => Remedy.None,
        NoticeKind.Abhilfebescheid => Remedy.None,
    };
#pragma warning restore CS8524
}

public sealed record DispatchNotice(Guid NoticeId, DispatchMethod Method, DateOnly On, bool AccessOpened, string RecordedBy);

public sealed record RecordReceipt(Guid NoticeId, ReceiptOutcome Outcome, DateOnly? On, string Note, string RecordedBy);

public static class NoticeDecisions
{
    /// <summary>Checks in the contract's order: 404, 409 state, 422 dates, 422 procedure.</summary>
    public static Decision Dispatch(Guid personId, Notice? notice, DispatchNotice c, DateOnly today)
    {
        if (notice is null) return Rejection.NotFound("not-found", "No such notice.");
        if (notice.Dispatch is not null)
            return Rejection.Conflict("already-dispatched", $"The notice was already dispatched on {notice.Dispatch.On:yyyy-MM-dd}.");
        if (c.On > today) return Rejection.Unprocessable("date-in-future", "on lies in the future.");
        if (c.On < notice.IssuedOn)
            return Rejection.Unprocessable("dispatch-before-issue", $"on lies before the notice was issued ({notice.IssuedOn:yyyy-MM-dd}).");
        // § 3a VwVfG: electronic notification only where the person opened that access.
        if (c is { Method: DispatchMethod.Electronic, AccessOpened: false })
            return Rejection.Unprocessable("electronic-not-opened", "The person has not opened electronic access (§ 3a VwVfG); send the notice another way.");
        return Decision.Accept(new StreamEvent(personId,
            new NoticeDispatched(notice.NoticeId, personId, c.Method, c.On, NoticeCalendar.NotifiedOn(c.Method, c.On), c.RecordedBy)));
    }

    public static Decision RecordReceipt(Guid personId, Notice? notice, RecordReceipt c, DateOnly today)
    {
        if (notice is null) return Rejection.NotFound("not-found", "No such notice.");
        if (notice.Dispatch is not { } dispatch) return Rejection.Conflict("not-dispatched", "The notice has not been dispatched.");
        if (c.Outcome == ReceiptOutcome.ReceivedLater)
        {
            if (c.On is not { } on) return Rejection.Unprocessable("receipt-date-required", "on is required for received-later.");
            if (on > today) return Rejection.Unprocessable("date-in-future", "on lies in the future.");
            if (on < dispatch.On)
                return Rejection.Unprocessable("receipt-before-dispatch", $"on lies before the dispatch ({dispatch.On:yyyy-MM-dd}).");
        }
        return Decision.Accept(new StreamEvent(personId, new NoticeReceiptRecorded(notice.NoticeId, personId, c.Outcome, c.On, c.Note, c.RecordedBy)));
    }
}
