using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Offers;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using AGH.Domain.Sanctions;
using Marten;

namespace AGH.Tests.Web;

/// <summary>
/// A restriction in its second period (continued under § 14 Abs. 2 AsylbLG), in melle. The person and the offer are
/// registered through the API; the steps that lie months back (assignment, refusal, approval, continuation) are the
/// domain's own decisions taken on the days they happened, written to the store as the demo seeder writes them, since
/// the API decides on today only.
/// </summary>
public sealed record ContinuedCase(Guid Person, Guid Proposal, DateOnly FirstStartsOn, DateOnly SecondStartsOn)
{
    public static async Task<ContinuedCase> Create(StaffAppFixture app)
    {
        var today = app.Today;
        var unique = Guid.NewGuid().ToString("N")[..6];
        var coordinator = await app.Service.ClientFor("coordinator", null, $"coord-fortsetzung-{unique}");
        var offerId = await WebApi.Offer(coordinator, "melle", "Grünpflege am Rathaus Melle", 3, 15, today.AddYears(-1));
        var caseworker = await app.Service.ClientFor("caseworker", "melle", $"melle-cw-fortsetzung-{unique}");
        var personId = await WebApi.Person(caseworker, "melle", "Haidari", today, "AZ-MEL-F-" + unique);

        var cw = new Actor($"melle-cw-fortsetzung-{unique}", "Lena Sozialamt", "caseworker", "melle");
        var official = new Actor($"melle-off-fortsetzung-{unique}", "Dr. Jonas Amt", "official", "melle");
        await using var session = app.Service.Store.LightweightSession();
        var offer = Offer.Fold((await session.Events.FetchStreamAsync(offerId)).Select(e => e.Data))!;
        var person = AGH.Domain.Persons.Person.Fold((await session.Events.FetchStreamAsync(personId)).Select(e => e.Data))!;
        var pending = new List<(Guid Stream, object Event, Actor Actor)>();
        void Apply(Decision decision, Actor actor)
        {
            if (decision.Rejection is { } r) throw new InvalidOperationException($"{r.Code}: {r.Detail}");
            foreach (var (stream, e) in decision.Events)
            {
                pending.Add((stream, e, actor));
                if (stream == offerId) offer = Offer.Evolve(offer, e)!;
                else person = AGH.Domain.Persons.Person.Evolve(person, e)!;
            }
        }
        void Dispatch(Guid noticeId, DateOnly on, Actor actor) =>
            Apply(NoticeDecisions.Dispatch(personId, person.Notices[noticeId], new DispatchNotice(noticeId, DispatchMethod.HandedOver, on, false, actor.UserId), on), actor);

        // Approved 200 days ago from that day, the notice handed over that day; continued ten days before its end.
        var decidedOn = today.AddDays(-200);
        var placementId = Guid.CreateVersion7();
        Apply(PlacementDecisions.Assign(offer, person, new AssignPerson(placementId, personId, offerId, null, decidedOn.AddDays(-25), 15, cw),
            Policy.Default, decidedOn.AddDays(-30)), cw);
        Dispatch(person.Placements[placementId].NoticeId, decidedOn.AddDays(-30), cw);
        var refusalId = Guid.CreateVersion7();
        var refusedOn = decidedOn.AddDays(-10);
        Apply(PlacementDecisions.RecordRefusal(person, person.Placements[placementId], new RecordRefusal(placementId, refusalId, refusedOn,
            RefusalKind.NoShow, "keine Angabe"), Policy.Default, refusedOn), cw);
        Apply(PlacementDecisions.AssessRefusal(person, person.Placements[placementId], new AssessRefusal(placementId, refusalId, false, null,
            "Kein wichtiger Grund vorgetragen")), cw);
        Apply(PlacementDecisions.HoldHearing(person, person.Placements[placementId], new HoldHearing(placementId, refusalId, refusedOn.AddDays(4),
            "Person äußert sich nicht"), refusedOn.AddDays(4)), cw);
        var proposalId = Guid.CreateVersion7();
        Apply(SanctionDecisions.Propose(person, person.Placements[placementId], new ProposeSanction(placementId, proposalId, refusalId,
            "Unentschuldigtes Fernbleiben trotz Belehrung", cw.UserId), Policy.Default, refusedOn.AddDays(5)), cw);
        Apply(SanctionDecisions.Decide(person, new DecideSanction(proposalId, true, "Fernbleiben ohne wichtigen Grund", decidedOn, official.UserId, official),
            HourLog.Empty, Policy.Default, decidedOn), official);
        Dispatch(person.Proposals[proposalId].Decision!.NoticeId!.Value, decidedOn, official);
        var endsOn = person.Proposals[proposalId].Restriction!.EndsOn;
        var reviewDay = endsOn.AddDays(-10);
        Apply(SanctionDecisions.Review(person, new ReviewRestriction(proposalId, true, "Die Weigerung dauert an", reviewDay, official),
            HourLog.Empty, Policy.Default, reviewDay), official);
        var continuation = person.Notices.Values.Single(n => n.Kind == NoticeKind.Fortsetzungsbescheid).NoticeId;
        Dispatch(continuation, reviewDay, official);

        var now = app.Service.Time.GetUtcNow();
        foreach (var stream in pending.GroupBy(p => p.Stream))
        {
            var items = stream.ToList();
            var action = session.Events.Append(stream.Key, items.Select(i => i.Event).ToArray());
            for (var i = 0; i < items.Count; i++) EventHeaders.Stamp(action.Events[i], items[i].Actor, now);
        }
        await session.SaveChangesAsync();
        return new ContinuedCase(personId, proposalId, decidedOn, endsOn.AddDays(1));
    }
}
