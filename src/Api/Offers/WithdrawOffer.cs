using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Offers;

namespace AGH.Api.Offers;

public static class WithdrawOfferEndpoint
{
    public sealed record Request(DateOnly? Date, string? Reason);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/offers/{id:guid}/withdrawal", Handle)
            .WithTags("Offers")
            .WithSummary("Withdraw an offer; refused while any placement in it is active")
            .Accepts<Request>("application/json")
            .Produces<OfferDto>(200)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

    public static async Task<IResult> Handle(Guid id, HttpContext http, CommandRunner runner)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles.Coordinator, Roles.Caseworker);
        if (refused is not null) return refused;
        var v = new Checks();
        var command = new WithdrawOffer(id, v.Date(body.Date, "date"), v.Text(body.Reason, "reason", 1000));
        if (v.Failed) return v.Problem();

        return await runner.Run(actor, async ws =>
        {
            var offer = await ws.LoadOffer(id);
            if (offer is null) return Outcome.Stop(Problems.NotFound("offer"));
            if (OfferAccess.Denied(actor, offer) is { } no) return Outcome.Stop(Results.Problem(no));
            if (Preconditions.Check(http, offer.Revision) is { } stale) return Outcome.Stop(stale);
            return Outcome.Of(OfferDecisions.Withdraw(offer, command),
                () => Results.Ok(OfferDto.From(offer with { Status = OfferStatus.Withdrawn })));
        }, http.RequestAborted);
    }
}
