using System.ComponentModel;
using AGH.Api.Municipalities;

namespace AGH.Api.Offers;

/// <summary>A provider reports an Arbeitsgelegenheit (§ 5 Abs. 1 AsylbLG); the result must serve the public.</summary>
[CoordinatorOrCaseworker]
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
        [property: Required] bool? ServesPublicBenefit,
        [property: Description("The provider's organisation id (^[a-z0-9][a-z0-9-]{1,62}$, not checked against a list); coordinators only: a caseworker sending it gets 403.")]
        string? ProviderId = null,
        [property: Description("The Unfallversicherungsträger (1-200 characters); participants are insured under § 2 Abs. 1 Nr. 1 SGB VII.")]
        string? AccidentInsurer = null);

    public static (RegisterOffer?, ProblemDetails) Validate(Request? body) => Parse.Body(body, (b, v) =>
    {
        var command = new RegisterOffer(Guid.CreateVersion7(), v.Required(b.ProviderType, "providerType"), v.Text(b.ProviderName, "providerName", 200),
            MunicipalityCatalog.Check(v, b.Municipality, "municipality"), v.Text(b.Title, "title", 200), v.Text(b.Activity, "activity", 2000),
            v.Range(b.Places, "places", 1, 100), v.Range(b.HoursPerWeek, "hoursPerWeek", 1, 30), v.Date(b.StartsOn, "startsOn"),
            v.OptionalDate(b.EndsOn, "endsOn"), v.Text(b.ReportTo, "reportTo", 500),
            OfferChecks.ProviderId(v, b.ProviderId), OfferChecks.AccidentInsurer(v, b.AccidentInsurer));
        if (b.ServesPublicBenefit is not true)
            v.Add("servesPublicBenefit", "must be true: the result of the work must serve the public (§ 5 Abs. 1 AsylbLG).");
        return command;
    });

    public static ProblemDetails Validate(RegisterOffer command, Actor actor) => actor is { Role: Roles.Caseworker }
        ? actor.Municipality != command.Municipality ? Problems.Forbidden("A caseworker registers offers in their own municipality only.")
            : command.ProviderId is not null ? Problems.Forbidden("Only a coordinator names an offer's provider (providerId).")
            : WolverineContinue.NoProblems
        : WolverineContinue.NoProblems;

    public static Decision Decide(RegisterOffer command) => OfferDecisions.Register(command);

    /// <summary>Register an offer (Arbeitsgelegenheit, § 5 Abs. 1 AsylbLG)</summary>
    [WolverinePost("/api/offers", OperationId = "registerOffer"), Tags("Offers")]
    public static Created<CreatedId> Handle(Request body, RegisterOffer command) => CreatedId.At("/api/offers", command.OfferId);
}
