using AGH.Domain.Common;
using AGH.Domain.Persons;

namespace AGH.Domain.Notices;

/// <summary>
/// A decision the person must be told of creates its notice in the same decision: dated with the service's day (never a
/// day a client sends), signed by the deciding staff member, issued in the name of the person's authority.
/// </summary>
public static class NoticeIssuing
{
    /// <summary>The n-th notice of a kind on a subject (from 0): deterministic, so every node and rebuild names it alike.</summary>
    public static Guid IdFor(Guid subjectId, NoticeKind kind, int ordinal) => DeterministicId.From($"agh:notice:{subjectId}:{kind}:{ordinal}");

    public static StreamEvent Issue(Person person, NoticeKind kind, Guid subjectId, string? version, Actor issuer, DateOnly today)
    {
        var ordinal = person.Notices.Values.Count(n => n.SubjectId == subjectId && n.Kind == kind);
        return new StreamEvent(person.Id, new NoticeIssued(IdFor(subjectId, kind, ordinal), person.Id, kind, subjectId, version, today,
            issuer.UserId, issuer.Name, issuer.Role, person.Municipality, NoticeOrigin.Service));
    }

    /// <summary>
    /// A notice served outside the service on <paramref name="servedOn"/> (v1's noticeServedOn): only recorded, so no
    /// wording and no PDF; handed over and so notified that day (contract v3, "Notices").
    /// </summary>
    public static (StreamEvent Issued, StreamEvent Dispatched) RecordExternal(Person person, NoticeKind kind, Guid subjectId, DateOnly servedOn, Actor recorder)
    {
        var ordinal = person.Notices.Values.Count(n => n.SubjectId == subjectId && n.Kind == kind);
        var id = IdFor(subjectId, kind, ordinal);
        return (new StreamEvent(person.Id, new NoticeIssued(id, person.Id, kind, subjectId, null, servedOn,
                recorder.UserId, recorder.Name, recorder.Role, person.Municipality, NoticeOrigin.External)),
            new StreamEvent(person.Id, new NoticeDispatched(id, person.Id, DispatchMethod.HandedOver, servedOn,
                NoticeCalendar.NotifiedOn(DispatchMethod.HandedOver, servedOn), recorder.UserId)));
    }
}
