namespace AGH.Api.Payouts;

/// <summary>One payout run with its lines; runs carry no ETag.</summary>
[PayoutReader]
public static class GetPayoutRunEndpoint
{
    [WolverineGet("/api/payout-runs/{id}", OperationId = "getPayoutRun"), Tags("Payouts"), EndpointSummary("One payout run with its lines, each with the person's names and file reference")]
    [ProducesResponseType<PayoutRunDto>(200), AnswersProblems(403, 404)]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session)
    {
        var run = await session.LoadAsync<PayoutRun>(id, http.RequestAborted);
        if (run is null) return Problems.NotFound("payout run").Answer();
        // Only what the cash-office file holds of each person of the run (contract v3d); payroll reads no person otherwise.
        var ids = run.Lines.Select(l => l.PersonId).Distinct().ToArray();
        var persons = ids.Length == 0 ? [] : await session.Query<AGH.Domain.Persons.Person>().Where(p => ids.Contains(p.Id))
            .Select(p => new NameRow { Id = p.Id, FamilyName = p.FamilyName, GivenName = p.GivenName, FileReference = p.FileReference })
            .ToListAsync(http.RequestAborted);
        return Results.Ok(PayoutRunDto.From(run).WithNames(persons.ToDictionary(p => p.Id, p => (p.FamilyName, p.GivenName, p.FileReference))));
    }

    private sealed class NameRow
    {
        public Guid Id { get; set; }
        public string FamilyName { get; set; } = "";
        public string GivenName { get; set; } = "";
        public string? FileReference { get; set; }
    }
}
