namespace AGH.Api.Sanctions;

/// <summary>The Wiedervorlage: restrictions due for the six-month review, and those whose duty has lapsed.</summary>
[CaseReader]
public static class RestrictionsDueForReviewEndpoint
{
    /// <summary>Restrictions due for the § 14 Abs. 2 AsylbLG review (Wiedervorlage); total in X-Total-Count, paged on request</summary>
    /// <remarks>Restrictions in force ending within `within` days (1-366, default 30) whose period was not reviewed yet;
    /// and at once those of a person whose placement has since ended on regular-employment, training or studies (dutyLapsed:
    /// the official ends them with duty-lapsed). Every row names its `reason` (the first that applies) and `reasons` (all):
    /// exempt-on-refusal-day, entitlement-ended, excluded, retirement-age, placement-ended, exempt, duty-fulfilled (hours above 0 after
    /// the refusal day), willing (declared after the refusal day) make it due at once whatever `within` says; period-ending is the
    /// window above. Without `page` and `pageSize` the whole list, as in v2; with either,
    /// one page as every list (`pageSize` 1-500, default 50).</remarks>
    [WolverineGet("/api/restrictions/due-for-review", OperationId = "listRestrictionsDueForReview"), Tags("Refusals and sanctions")]
    [ProducesResponseType<IReadOnlyList<DueReviewDto>>(200), AnswersProblems(400, 403)]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, Clock clock, string? within, string? page, string? pageSize)
    {
        var actor = Access.Actor(http);
        var checks = new Checks();
        var days = 30;
        if (within is not null && (!int.TryParse(within, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out days)
                || days is < 1 or > 366))
            checks.Add("within", "must be a whole number of days between 1 and 366.");
        // v2 clients read the whole list; paging is opt-in so their answer stays as it was.
        Paging? paging = page is null && pageSize is null ? null : Paging.Read(page, pageSize, checks);
        if (checks.Failed) return checks.Details().Answer();
        var due = await DueReviews.Read(session, actor, clock.Today, days, http.RequestAborted);
        if (paging is not { } p || due is null)
        {
            http.Response.Headers[Paging.TotalCountHeader] = (due?.Count ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Ok(due ?? []);
        }
        return Results.Ok(p.Cut(http, due));
    }
}
