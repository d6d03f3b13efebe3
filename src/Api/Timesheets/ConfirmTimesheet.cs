namespace AGH.Api.Timesheets;

/// <summary>
/// The provider confirms the hours of an ended month on its offer (contract v3c); from then on it cannot change that
/// month, and with Payouts:RequireConfirmation the month's hours are paid.
/// </summary>
[Provider]
public static class ConfirmTimesheetEndpoint
{
    public static (ConfirmTimesheet?, ProblemDetails) Validate(Guid id, string month, HttpContext http, Clock clock)
    {
        var v = new Checks();
        var parsed = TimesheetMonth.Parse(month, v);
        if (v.Failed) return (null, v.Details());
        var actor = Access.Actor(http);
        return (new ConfirmTimesheet(id, parsed!.Value.Year, parsed.Value.Number, actor.Provider!, actor.UserId, clock.Now), WolverineContinue.NoProblems);
    }

    public static Decision Decide(ConfirmTimesheet command, IEventStream<Offer> stream, Clock clock) =>
        OfferDecisions.ConfirmTimesheet(stream.Aggregate!, command, clock.Today);

    /// <summary>The provider confirms the hours of an ended month on its own offer</summary>
    /// <remarks>Provider only (its own offers; another's: 404). 409 month-confirmed when confirmed already; 422 month-not-ended for
    /// the current or a future month. Afterwards the provider's hours in that month are 409 month-confirmed; the office still logs and
    /// corrects them (marked afterConfirmation).</remarks>
    [WolverinePost("/api/offers/{id}/timesheets/{month}/confirmation", OperationId = "confirmTimesheet"), Tags("Timesheets")]
    public static Created<Answer> Handle([NotBody] ConfirmTimesheet command)
    {
        var month = $"{command.Year:D4}-{command.Month:D2}";
        return TypedResults.Created($"/api/offers/{command.OfferId}/timesheets/{month}",
            new Answer(command.OfferId, month, new TimesheetConfirmationDto(command.ConfirmedBy, command.ConfirmedAt)));
    }

    public sealed record Answer(Guid OfferId, string Month, TimesheetConfirmationDto Confirmed);
}
