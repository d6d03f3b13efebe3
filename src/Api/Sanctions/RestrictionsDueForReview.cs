using AGH.Api.Placements;

namespace AGH.Api.Sanctions;

public sealed record DueReviewDto(Guid ProposalId, Guid PersonId, string Municipality, DateOnly StartsOn, DateOnly EndsOn, bool DutyLapsed,
    [property: System.ComponentModel.Description("The first reason that applies, in this order: exempt-on-refusal-day, entitlement-ended, excluded, "
        + "retirement-age, placement-ended, exempt, duty-fulfilled, willing, period-ending.")] ReviewReason Reason,
    [property: System.ComponentModel.Description("Every reason that applies, in the same order.")] IReadOnlyList<ReviewReason> Reasons);

/// <summary>The Wiedervorlage: restrictions due for the six-month review, and those whose duty has lapsed.</summary>
[CaseReader]
public static class RestrictionsDueForReviewEndpoint
{
    [WolverineGet("/api/restrictions/due-for-review", OperationId = "listRestrictionsDueForReview"), Tags("Refusals and sanctions")]
    [EndpointSummary("Restrictions due for the § 14 Abs. 2 AsylbLG review (Wiedervorlage); total in X-Total-Count, paged on request")]
    [EndpointDescription("Restrictions in force ending within `within` days (1-366, default 30) whose period was not reviewed yet; "
        + "and at once those of a person whose placement has since ended on regular-employment, training or studies (dutyLapsed: "
        + "the official ends them with duty-lapsed). Every row names its `reason` (the first that applies) and `reasons` (all): "
        + "exempt-on-refusal-day, entitlement-ended, excluded, retirement-age, placement-ended, exempt, duty-fulfilled (hours above 0 after "
        + "the refusal day), willing (declared after the refusal day) make it due at once whatever `within` says; period-ending is the "
        + "window above. Without `page` and `pageSize` the whole list, as in v2; with either, "
        + "one page as every list (`pageSize` 1-500, default 50).")]
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

        var today = clock.Today;
        // Only restrictions that may still run, of persons the caller sees, are candidates (the database narrows both);
        // the domain decides which are due.
        var visible = SanctionAccess.VisibleMunicipality(actor);
        if (visible == "")
        {
            http.Response.Headers[Paging.TotalCountHeader] = "0";
            return Results.Ok(Array.Empty<DueReviewDto>());
        }
        var sql = $"select distinct p.id from {MartenSetup.Schema}.mt_doc_proposalindex x join {MartenSetup.Schema}.mt_doc_person p "
            + "on p.id = (x.data ->> 'personId')::uuid where (x.data ->> 'restrictionEndsOn')::date >= ?"
            + (visible is null ? "" : " and p.data ->> 'municipality' = ?");
        var personIds = await session.AdvancedSql.QueryAsync<Guid>(sql, http.RequestAborted,
            visible is null ? [today] : [today, visible]);
        var persons = (await session.LoadManyAsync<Person>(http.RequestAborted, personIds)).Where(p => actor.MaySee(p.Municipality)).ToList();
        // duty-fulfilled reads the hours after each refusal: one query for all candidates' weeks from the earliest refusal on.
        var hours = await HourReads.AfterRefusals(session, persons, http.RequestAborted);
        var due = persons
            .SelectMany(p => SanctionDecisions.DueForReview(p, today, days, hours.GetValueOrDefault(p.Id)))
            .OrderBy(d => d.Reasons.DueAtOnce || d.DutyLapsed ? 0 : 1).ThenBy(d => d.EndsOn).ThenBy(d => d.ProposalId)
            .Select(d => new DueReviewDto(d.ProposalId, d.PersonId, d.Municipality, d.StartsOn, d.EndsOn, d.DutyLapsed, d.Reason, d.AllReasons))
            .ToList();
        if (paging is not { } p)
        {
            http.Response.Headers[Paging.TotalCountHeader] = due.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Ok(due);
        }
        p.Announce(http, due.Count);
        return Results.Ok(due.Skip(p.Skip).Take(p.PageSize).ToList());
    }
}
