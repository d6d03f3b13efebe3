using System.ComponentModel.DataAnnotations;
using AGH.Api.Infrastructure;
using AGH.Api.Municipalities;
using AGH.Domain.Common;
using AGH.Domain.Offers;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Offers;

/// <summary>A provider reports an Arbeitsgelegenheit (§ 5 Abs. 1 AsylbLG); the result must serve the public.</summary>
public static class RegisterOfferEndpoint
{
    public sealed record Request(
        [property: Required] ProviderType? ProviderType,
        [property: Required] string? ProviderName,
        [property: Required] string? Municipality,
        [property: Required] string? Title,
        [property: Required] string? Activity,
        [property: Required] int? Places,
        [property: Required] int? HoursPerWeek,
        [property: Required] DateOnly? StartsOn,
        DateOnly? EndsOn,
        [property: Required] string? ReportTo,
        [property: Required] bool? ServesPublicBenefit);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) =>
        Steps.Require(http, session, Roles.Coordinator, Roles.Caseworker);

    public static (RegisterOffer?, ProblemDetails) Validate(Request? body, HttpContext http)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return (null, missing);
        var v = new Checks();
        var command = new RegisterOffer(
            Guid.CreateVersion7(),
            v.Required(body!.ProviderType, "providerType"),
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
        if (v.Failed) return (null, v.Details());
        var actor = Steps.Actor(http);
        if (actor.Role == Roles.Caseworker && actor.Municipality != command.Municipality)
            return (null, Problems.Details(403, "forbidden", "Forbidden", "A caseworker registers offers in their own municipality only."));
        return (command, Steps.Check(OfferDecisions.Register(command)));
    }

    [WolverinePost("/api/offers", OperationId = "registerOffer"), Tags("Offers"), EndpointSummary("Register an offer (Arbeitsgelegenheit, § 5 Abs. 1 AsylbLG)")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<CreatedId>(201)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static IResult Handle(Request body, RegisterOffer command, IDocumentSession session)
    {
        Streams.Append(session, OfferDecisions.Register(command));
        return Results.Created($"/api/offers/{command.OfferId}", new CreatedId(command.OfferId));
    }
}
