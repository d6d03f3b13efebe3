using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Notices;
using Marten;

namespace AGH.Tests.Http;

/// <summary>
/// Records that a notice went out, for tests of what waits for notification. Stored as a caseworker's command stores it
/// (actor, legal basis, inline views); to be replaced by <c>POST /api/notices/{id}/dispatch</c> once that route exists.
/// </summary>
public static class NoticeDispatching
{
    public static async Task DispatchAsync(AghFactory factory, Guid personId, Guid noticeId, DispatchMethod method, DateOnly on)
    {
        await using var session = factory.Store.LightweightSession();
        CommandActor.Set(session, new Actor("test-dispatch", "Test Versand", Roles.Caseworker, null));
        session.Events.Append(personId, new NoticeDispatched(noticeId, personId, method, on, NoticeCalendar.NotifiedOn(method, on), "test-dispatch"));
        await session.SaveChangesAsync();
    }
}
