using System.Globalization;
using AGH.Api.Municipalities;

namespace AGH.Api.Reports;

public sealed record PlacesOfferedDto(int Municipality, int District, int Nonprofit);

public sealed record ObjectionCountsDto(int Upheld, int PartlyUpheld, int Dismissed, int Pending);

/// <summary>
/// One month of one municipality. Stocks (places, persons) on the month's last day (today while the month runs); the rest
/// are flows dated in the month.
/// Persons by their municipality, places by the offer's, amounts by the payout run's month.
/// </summary>
public sealed record DistrictReportRowDto(
    string Month,
    string Municipality,
    PlacesOfferedDto PlacesOffered,
    int PersonsEntitled,
    int PersonsPlaced,
    long Minutes,
    long AmountPaidCents,
    int Refusals,
    int Proposals,
    int RestrictionsApproved,
    int RestrictionsWithdrawn,
    int RestrictionsEndedEarly,
    ObjectionCountsDto Objections,
    int EndedRegularEmployment,
    int EndedTraining,
    int EndedStudies);

/// <summary>The rows' sums: flows over every row; stocks (places, persons) over the municipalities as the month <c>to</c> counts them.</summary>
public sealed record DistrictReportTotalsDto(
    PlacesOfferedDto PlacesOffered,
    int PersonsEntitled,
    int PersonsPlaced,
    long Minutes,
    long AmountPaidCents,
    int Refusals,
    int Proposals,
    int RestrictionsApproved,
    int RestrictionsWithdrawn,
    int RestrictionsEndedEarly,
    ObjectionCountsDto Objections,
    int EndedRegularEmployment,
    int EndedTraining,
    int EndedStudies);

public sealed record DistrictReportDto(string From, string To, IReadOnlyList<DistrictReportRowDto> Rows, DistrictReportTotalsDto Totals);

/// <summary>The report's arithmetic, pure: from the report views, the effective minutes and the released runs' amounts.</summary>
public static class DistrictReport
{
    public const int MaxMonths = 36;

    /// <summary>Effective minutes (after corrections) of one person in one month, by the entry's date.</summary>
    public sealed record PersonMonth(Guid PersonId, string Month, long Value);

    public static List<Month> Months(Month from, Month to)
    {
        var months = new List<Month>();
        for (var m = from; m.CompareTo(to) <= 0; m = Next(m)) months.Add(m);
        return months;
    }

    public static Month Next(Month m) => m.Number == 12 ? new(m.Year + 1, 1) : new(m.Year, m.Number + 1);

    /// <summary>The day a month's stocks are counted on: its last day, or today for a month not over yet (later days are not known).</summary>
    public static DateOnly StockDay(Month month, DateOnly today) => month.Last < today ? month.Last : today;

    public static DistrictReportDto Build(Month from, Month to, DateOnly today, IReadOnlyList<string> municipalities, IReadOnlyList<ReportOffer> offers,
        IReadOnlyList<ReportPerson> persons, IReadOnlyList<PersonMonth> minutes, IReadOnlyList<PersonMonth> paid)
    {
        var municipalityOf = persons.ToDictionary(p => p.Id, p => p.Municipality);
        var minutesBy = Sum(minutes, municipalityOf);
        var paidBy = Sum(paid, municipalityOf);
        var offersBy = offers.ToLookup(o => o.Municipality);
        var personsBy = persons.ToLookup(p => p.Municipality);
        var rows = new List<DistrictReportRowDto>();
        foreach (var month in Months(from, to))
        {
            var key = month.ToString();
            var (first, last) = (month.First, month.Last);
            var stock = StockDay(month, today);
            bool In(DateOnly? d) => d is { } day && day >= first && day <= last;
            foreach (var m in municipalities)
            {
                var of = offersBy[m].ToList();
                var ps = personsBy[m].ToList();
                int Places(ProviderType type) => of.Where(o => o.ProviderType == type).Sum(o => o.PlacesOn(stock));
                int Facts(ReportFactKind kind) => ps.Sum(p => p.Facts.Count(f => f.Kind == kind && In(f.On)));
                int Decided(ObjectionOutcome outcome) => ps.Sum(p => p.Objections.Count(o => o.Outcome == outcome && In(o.DecidedOn)));
                int Ended(EndReason reason) => ps.Sum(p => p.Placements.Count(x => x.EndReason == reason && In(x.EndedOn)));
                rows.Add(new DistrictReportRowDto(key, m,
                    new PlacesOfferedDto(Places(ProviderType.Municipality), Places(ProviderType.District), Places(ProviderType.Nonprofit)),
                    ps.Count(p => p.EntitledOn(stock)),
                    ps.Count(p => p.PlacedOn(stock)),
                    minutesBy.GetValueOrDefault((key, m)),
                    paidBy.GetValueOrDefault((key, m)),
                    Facts(ReportFactKind.Refusal),
                    Facts(ReportFactKind.Proposal),
                    Facts(ReportFactKind.RestrictionApproved),
                    Facts(ReportFactKind.RestrictionWithdrawn),
                    Facts(ReportFactKind.RestrictionEndedEarly),
                    // Pending: received in the month and not decided by its last day.
                    new ObjectionCountsDto(Decided(ObjectionOutcome.Upheld), Decided(ObjectionOutcome.PartlyUpheld), Decided(ObjectionOutcome.Dismissed),
                        ps.Sum(p => p.Objections.Count(o => In(o.ReceivedOn) && !(o.DecidedOn <= last)))),
                    Ended(EndReason.RegularEmployment),
                    Ended(EndReason.Training),
                    Ended(EndReason.Studies)));
            }
        }
        return new DistrictReportDto(from.ToString(), to.ToString(), rows, Totals(rows, to.ToString()));
    }

    public static DistrictReportTotalsDto Totals(IReadOnlyList<DistrictReportRowDto> rows, string lastMonth)
    {
        var stock = rows.Where(r => r.Month == lastMonth).ToList();
        return new DistrictReportTotalsDto(
            new PlacesOfferedDto(stock.Sum(r => r.PlacesOffered.Municipality), stock.Sum(r => r.PlacesOffered.District), stock.Sum(r => r.PlacesOffered.Nonprofit)),
            stock.Sum(r => r.PersonsEntitled),
            stock.Sum(r => r.PersonsPlaced),
            rows.Sum(r => r.Minutes),
            rows.Sum(r => r.AmountPaidCents),
            rows.Sum(r => r.Refusals),
            rows.Sum(r => r.Proposals),
            rows.Sum(r => r.RestrictionsApproved),
            rows.Sum(r => r.RestrictionsWithdrawn),
            rows.Sum(r => r.RestrictionsEndedEarly),
            new ObjectionCountsDto(rows.Sum(r => r.Objections.Upheld), rows.Sum(r => r.Objections.PartlyUpheld), rows.Sum(r => r.Objections.Dismissed),
                rows.Sum(r => r.Objections.Pending)),
            rows.Sum(r => r.EndedRegularEmployment),
            rows.Sum(r => r.EndedTraining),
            rows.Sum(r => r.EndedStudies));
    }

    private static Dictionary<(string Month, string Municipality), long> Sum(IReadOnlyList<PersonMonth> values, Dictionary<Guid, string> municipalityOf) =>
        values.Where(v => municipalityOf.ContainsKey(v.PersonId))
            .GroupBy(v => (v.Month, municipalityOf[v.PersonId]))
            .ToDictionary(g => g.Key, g => g.Sum(v => v.Value));

    /// <summary>
    /// A count as the CSV and the PDF print it: 1 and 2 as <c>&lt;3</c>, so a small municipality's month does not point at a
    /// person. Places (offers are public), minutes and amounts are printed as they are.
    /// </summary>
    public static string Masked(int count) => count is 1 or 2 ? "<3" : count.ToString(CultureInfo.InvariantCulture);

    /// <summary>The CSV's columns, in the JSON's order; a nested field is named with its parent (<c>placesMunicipality</c>).</summary>
    public const string CsvHeader = "month;municipality;placesMunicipality;placesDistrict;placesNonprofit;personsEntitled;personsPlaced;minutes;"
        + "amountPaidCents;refusals;proposals;restrictionsApproved;restrictionsWithdrawn;restrictionsEndedEarly;objectionsUpheld;"
        + "objectionsPartlyUpheld;objectionsDismissed;objectionsPending;endedRegularEmployment;endedTraining;endedStudies";

    /// <summary>The rows, then one row <c>total</c> (municipality empty) with the totals.</summary>
    public static byte[] Csv(DistrictReportDto report)
    {
        var csv = new Csv(CsvHeader);
        foreach (var r in report.Rows)
            csv.Row([CsvCell.Text(r.Month), CsvCell.Text(r.Municipality), .. Cells(r.PlacesOffered, r.PersonsEntitled, r.PersonsPlaced, r.Minutes, r.AmountPaidCents,
                r.Refusals, r.Proposals, r.RestrictionsApproved, r.RestrictionsWithdrawn, r.RestrictionsEndedEarly, r.Objections,
                r.EndedRegularEmployment, r.EndedTraining, r.EndedStudies)]);
        var t = report.Totals;
        csv.Row(["total", "", .. Cells(t.PlacesOffered, t.PersonsEntitled, t.PersonsPlaced, t.Minutes, t.AmountPaidCents, t.Refusals, t.Proposals,
            t.RestrictionsApproved, t.RestrictionsWithdrawn, t.RestrictionsEndedEarly, t.Objections, t.EndedRegularEmployment, t.EndedTraining, t.EndedStudies)]);
        return csv.Utf8WithBom();
    }

    private static IEnumerable<object> Cells(PlacesOfferedDto places, int entitled, int placed, long minutes, long paid, int refusals, int proposals,
        int approved, int withdrawn, int endedEarly, ObjectionCountsDto objections, int employment, int training, int studies) =>
    [
        places.Municipality, places.District, places.Nonprofit, Masked(entitled), Masked(placed), minutes, paid, Masked(refusals), Masked(proposals),
        Masked(approved), Masked(withdrawn), Masked(endedEarly), Masked(objections.Upheld), Masked(objections.PartlyUpheld),
        Masked(objections.Dismissed), Masked(objections.Pending), Masked(employment), Masked(training), Masked(studies),
    ];
}
