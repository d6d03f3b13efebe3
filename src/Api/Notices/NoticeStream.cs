namespace AGH.Api.Notices;

/// <summary>A notice's person stream, fetched for writing, and the notice in it.</summary>
public sealed record NoticeStream(IEventStream<Person> Stream, Notice Notice)
{
    public Person Person => Stream.Aggregate!;

    /// <summary>The person's notice index entry → the person, locked; null (404) when there is none or the caller may not see it.</summary>
    public static async Task<NoticeStream?> Load(IDocumentSession session, Guid noticeId, HttpContext http, CancellationToken ct)
    {
        if (noticeId == Guid.Empty || await session.LoadAsync<NoticeIndex>(noticeId, ct) is not { } index) return null;
        var stream = await CommandStreams.Person(session, index.PersonId, http, ct);
        return stream?.Aggregate is { } person && person.Notices.TryGetValue(noticeId, out var notice) ? new NoticeStream(stream, notice) : null;
    }

    /// <summary>The answer of a command on a notice: 200 with the notice as the decision leaves it (settings and policy from the request's services).</summary>
    public async Task<Ok<NoticeDto>> Answer(Decision decision, IDocumentSession session, HttpContext http) => TypedResults.Ok(await NoticeAccess.Dto(session, Person.Id, After(decision),
        http.RequestServices.GetRequiredService<NoticeSettings>(), DeferredAnswer.PolicyOf(http), http.RequestAborted));

    /// <summary>The notice as the decision's events leave it, for the answer.</summary>
    public Notice After(Decision decision) => decision.Events.Select(e => e.Event).Aggregate(Notice, (n, e) => e switch
    {
        NoticeDispatched d when d.NoticeId == n.NoticeId => n.When(d),
        NoticeReceiptRecorded r when r.NoticeId == n.NoticeId => n.When(r),
        _ => n,
    });
}
