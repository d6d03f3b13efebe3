using System.Globalization;
using System.Text;
using AGH.Domain.Payouts;
using AGH.Domain.Persons;
using Marten;

namespace AGH.Api.Payouts;

public static class PayoutRunQueries
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/payout-runs", List)
            .WithName("listPayoutRuns")
            .WithTags("Payouts")
            .WithSummary("Payout runs, newest month first, optionally of one month; paged, total in X-Total-Count")
            .Produces<IReadOnlyList<PayoutRunDto>>()
            .ProducesProblem(403);
        api.MapGet("/payout-runs/{id:guid}", Get)
            .WithName("getPayoutRun")
            .WithTags("Payouts")
            .WithSummary("One payout run with its lines")
            .Produces<PayoutRunDto>()
            .ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/payout-runs/{id:guid}/export", Export)
            .WithName("exportPayoutRun")
            .WithTags("Payouts")
            .WithSummary("CSV for the cash office (Kreiskasse): ;-separated, UTF-8 with BOM, decimal comma")
            .Produces<string>(200, "text/csv")
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
    }

    public static async Task<IResult> List(HttpContext http, IQuerySession session, string? month, string? page, string? pageSize)
    {
        if (Access.Require(http, PayoutAccess.Readers) is { Problem: { } p }) return p.Answer();
        var checks = new Checks();
        Month? wanted = null;
        if (month is not null)
        {
            if (Month.TryParse(month, out var m)) wanted = m;
            else checks.Add("month", "must be a month written YYYY-MM.");
        }
        var paging = Paging.Read(page, pageSize, checks);
        if (checks.Failed) return checks.Details().Answer();
        var query = session.Query<PayoutRun>().AsQueryable();
        if (wanted is { } one)
        {
            var text = one.ToString();
            query = query.Where(r => r.Month == text);
        }
        var runs = await paging.Fetch(http, query, x => x.OrderByDescending(r => r.Month).ThenBy(r => r.Id));
        return Results.Ok(runs.Select(PayoutRunDto.From));
    }

    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session)
    {
        if (Access.Require(http, PayoutAccess.Readers) is { Problem: { } p }) return p.Answer();
        var run = await session.LoadAsync<PayoutRun>(id, http.RequestAborted);
        return run is null ? Problems.NotFound("payout run").Answer() : Results.Ok(PayoutRunDto.From(run));
    }

    public const string CsvHeader = "fileReference;familyName;givenName;month;minutes;amountCents;amountEuro";

    public static async Task<IResult> Export(Guid id, HttpContext http, IQuerySession session)
    {
        if (Access.Require(http, PayoutAccess.Readers) is { Problem: { } p }) return p.Answer();
        var run = await session.LoadAsync<PayoutRun>(id, http.RequestAborted);
        if (run is null) return Problems.NotFound("payout run").Answer();
        // The cash office pays what two people released, nothing else.
        if (run.Status != PayoutRunStatus.Released)
            return Problems.Create(409, "run-not-released", "Conflict", $"The run is {run.Status.ToString().ToLowerInvariant()}; only a released run is exported.");
        var persons = (await session.LoadManyAsync<Person>(http.RequestAborted, run.Lines.Select(l => l.PersonId).Distinct()))
            .ToDictionary(x => x.Id);
        var csv = new StringBuilder().Append(CsvHeader).Append("\r\n");
        foreach (var line in run.Lines)
        {
            persons.TryGetValue(line.PersonId, out var person);
            csv.AppendJoin(';', CsvCell.Text(person?.FileReference), CsvCell.Text(person?.FamilyName), CsvCell.Text(person?.GivenName), run.Month,
                    line.Minutes.ToString(CultureInfo.InvariantCulture), line.AmountCents.ToString(CultureInfo.InvariantCulture), Euro(line.AmountCents))
                .Append("\r\n");
        }
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", $"aufwandsentschaedigung-{run.Month}.csv");
    }

    public static string Euro(long cents) =>
        (cents < 0 ? "-" : "") + (Math.Abs(cents) / 100).ToString(CultureInfo.InvariantCulture) + "," + (Math.Abs(cents) % 100).ToString("D2", CultureInfo.InvariantCulture);
}
