using AGH.Api.Infrastructure;
using AGH.Api.Municipalities;
using AGH.Domain.Common;
using AGH.Domain.Offers;

namespace AGH.Api.Offers;

/// <summary>A provider reports an Arbeitsgelegenheit (§ 5 Abs. 1 AsylbLG); the result must serve the public.</summary>
public static class RegisterOfferEndpoint
{
    public sealed record Request(
        ProviderType? ProviderType,
        string? ProviderName,
        string? Municipality,
        string? Title,
        string? Activity,
        int? Places,
        int? HoursPerWeek,
        DateOnly? StartsOn,
        DateOnly? EndsOn,
        string? ReportTo,
        bool? ServesPublicBenefit);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/offers", Handle)
            .WithTags("Offers")
            .WithSummary("Register an offer (Arbeitsgelegenheit, § 5 Abs. 1 AsylbLG)")
            .Accepts<Request>("application/json")
            .Produces<CreatedId>(201)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(422);

    public static async Task<IResult> Handle(HttpContext http, CommandRunner runner)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles.Coordinator, Roles.Caseworker);
        if (refused is not null) return refused;

        var v = new Checks();
        var command = new RegisterOffer(
            Guid.CreateVersion7(),
            v.Required(body.ProviderType, "providerType"),
            v.Text(body.ProviderName, "providerName", 200),
            MunicipalityCatalog.Check(v, body.Municipality, "municipality"),
            v.Text(body.Title, "title", 200),
            v.Text(body.Activity, "activity", 2000),
            v.Range(body.Places, "places", 1, 100),
            v.Range(body.HoursPerWeek, "hoursPerWeek", 1, 30),
            v.Date(body.StartsOn, "startsOn"),
            body.EndsOn is null ? null : v.Date(body.EndsOn, "endsOn"),
            v.Text(body.ReportTo, "reportTo", 500));
        if (body.ServesPublicBenefit is not true)
            v.Add("servesPublicBenefit", "must be true: the result of the work must serve the public (§ 5 Abs. 1 AsylbLG).");
        if (v.Failed) return v.Problem();
        if (actor.Role == Roles.Caseworker && actor.Municipality != command.Municipality)
            return Problems.Forbidden("A caseworker registers offers in their own municipality only.");

        return await runner.Run(actor, _ => Task.FromResult(
            Outcome.Of(OfferDecisions.Register(command), () => Results.Created($"/api/offers/{command.OfferId}", new CreatedId(command.OfferId)))),
            http.RequestAborted);
    }
}
