using System.Globalization;
using AGH.Web.Api;

namespace AGH.Web.Pages.Reports;

/// <summary>
/// One line of the district report as the page shows it: a month of the district, a municipality over the range, or the
/// totals. Stocks (places, persons) are taken as counted, flows are summed.
/// </summary>
public sealed record ReportFigures(
    string Label,
    int PlacesMunicipality, int PlacesDistrict, int PlacesNonprofit,
    int PersonsEntitled, int PersonsPlaced, long Minutes, long AmountPaidCents,
    int Refusals, int Proposals, int RestrictionsApproved, int RestrictionsWithdrawn, int RestrictionsEndedEarly,
    int ObjectionsUpheld, int ObjectionsPartlyUpheld, int ObjectionsDismissed, int ObjectionsPending,
    int EndedRegularEmployment, int EndedTraining, int EndedStudies)
{
    public int Places => PlacesMunicipality + PlacesDistrict + PlacesNonprofit;

    public static ReportFigures Of(string label, DistrictReportTotalsDto t) => new(label,
        t.PlacesOffered.Municipality, t.PlacesOffered.District, t.PlacesOffered.Nonprofit, t.PersonsEntitled, t.PersonsPlaced, t.Minutes,
        t.AmountPaidCents, t.Refusals, t.Proposals, t.RestrictionsApproved, t.RestrictionsWithdrawn, t.RestrictionsEndedEarly,
        t.Objections.Upheld, t.Objections.PartlyUpheld, t.Objections.Dismissed, t.Objections.Pending,
        t.EndedRegularEmployment, t.EndedTraining, t.EndedStudies);

    /// <summary>Rows summed: flows over all of them, stocks over the rows of <paramref name="stockMonth"/> only.</summary>
    public static ReportFigures Sum(string label, IReadOnlyCollection<DistrictReportRowDto> rows, string stockMonth)
    {
        var stock = rows.Where(r => r.Month == stockMonth).ToList();
        return new(label,
            stock.Sum(r => r.PlacesOffered.Municipality), stock.Sum(r => r.PlacesOffered.District), stock.Sum(r => r.PlacesOffered.Nonprofit),
            stock.Sum(r => r.PersonsEntitled), stock.Sum(r => r.PersonsPlaced),
            rows.Sum(r => r.Minutes), rows.Sum(r => r.AmountPaidCents), rows.Sum(r => r.Refusals), rows.Sum(r => r.Proposals),
            rows.Sum(r => r.RestrictionsApproved), rows.Sum(r => r.RestrictionsWithdrawn), rows.Sum(r => r.RestrictionsEndedEarly),
            rows.Sum(r => r.Objections.Upheld), rows.Sum(r => r.Objections.PartlyUpheld), rows.Sum(r => r.Objections.Dismissed),
            rows.Sum(r => r.Objections.Pending), rows.Sum(r => r.EndedRegularEmployment), rows.Sum(r => r.EndedTraining), rows.Sum(r => r.EndedStudies));
    }

    /// <summary>Counts of persons and cases of 1 or 2 as "&lt;3", as the CSV and the committee's PDF print them.</summary>
    public static string Masked(int count) => count is 1 or 2 ? "<3" : count.ToString(CultureInfo.InvariantCulture);
}
