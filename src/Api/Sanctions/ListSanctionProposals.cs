namespace AGH.Api.Sanctions;

/// <summary>The officials' inbox and the auditors' list: proposals by status and objection status, in the person's name order.</summary>
[CaseReader]
public static class ListSanctionProposalsEndpoint
{
    private static readonly string[] Statuses = ["pending", "approved", "rejected"];
    private static readonly string[] ObjectionStatuses = ["pending", "upheld", "dismissed"];

    /// <summary>The sanction proposals the caller may see, by proposal status and/or objection status; paged, total in X-Total-Count</summary>
    /// <remarks>`status` is pending, approved or rejected (pending: to be decided); `objection` is pending, upheld or
    /// dismissed (pending: a Widerspruch to be decided). Ordered by the person's name. Visible as the proposal itself:
    /// officials and caseworkers of the person's municipality (officials without one: all), auditors all.</remarks>
    [WolverineGet("/api/sanction-proposals", OperationId = "listSanctionProposals"), Tags("Refusals and sanctions")]
    [ProducesResponseType<IReadOnlyList<SanctionProposalDto>>(200), AnswersProblems(400, 403)]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, Clock clock, Policy policy, string? status, string? objection,
        string? page, string? pageSize)
    {
        var actor = Access.Actor(http);
        var checks = new Checks();
        if (status is not null && !Statuses.Contains(status)) checks.Add("status", "must be one of: " + string.Join(", ", Statuses) + ".");
        if (objection is not null && !ObjectionStatuses.Contains(objection))
            checks.Add("objection", "must be one of: " + string.Join(", ", ObjectionStatuses) + ".");
        var paging = Paging.Read(page, pageSize, checks);
        if (checks.Failed) return checks.Details().Answer();
        return Results.Ok(await SanctionProposalListing.Page(http, session, actor, status, objection, paging, clock.Today, policy));
    }
}
