using Microsoft.AspNetCore.Http;
using AGH.Web.Api;
using AGH.Web.Infrastructure;

namespace AGH.Web.Pages.Accidents;

/// <summary>
/// What a list of absence reports or accidents needs besides the API's ids: the persons (name and file reference, where
/// the role may read them) and the offers (title, provider), each read once.
/// </summary>
public sealed record OfficeCases(
    IReadOnlyList<AbsenceReportDto> AbsenceReports,
    int AbsenceReportTotal,
    IReadOnlyList<AccidentDto> Accidents,
    int AccidentTotal,
    IReadOnlyDictionary<Guid, PersonDto> Persons,
    IReadOnlyDictionary<Guid, OfferDto> Offers,
    DateOnly Today,
    bool ShowPersons)
{
    public const int PageSize = 50;

    public static readonly OfficeCases None = new([], 0, [], 0, new Dictionary<Guid, PersonDto>(), new Dictionary<Guid, OfferDto>(), default, false);

    /// <summary>
    /// The open reports and accidents the role may list, oldest first (the API orders them so). The accident list may ask
    /// the API for another status (null: all) and order (<c>reportDueOn</c>, <c>on</c>, '-' for descending).
    /// </summary>
    public static async Task<OfficeCases> LoadOpen(AghClient api, DateOnly today, bool absenceReports, bool accidents, bool showPersons,
        string? accidentStatus = "open", string? accidentSort = null)
    {
        IReadOnlyList<AbsenceReportDto> reports = [];
        int reportTotal = 0, accidentTotal = 0;
        IReadOnlyList<AccidentDto> open = [];
        if (absenceReports)
        {
            reports = (await api.ListAbsenceReportsAsync("open", 1, PageSize)).ToList();
            reportTotal = api.LastTotalCount ?? reports.Count;
        }
        if (accidents)
        {
            open = (await api.ListAccidentsAsync(accidentStatus, accidentSort, 1, PageSize)).ToList();
            accidentTotal = api.LastTotalCount ?? open.Count;
        }
        var persons = showPersons
            ? await PersonNames.Load(api, reports.Select(r => r.PersonId).Concat(open.Select(a => a.PersonId)))
            : new Dictionary<Guid, PersonDto>();
        var offers = await LoadOffers(api, reports.Select(r => r.OfferId).Concat(open.Select(a => a.OfferId)));
        return new(reports, reportTotal, open, accidentTotal, persons, offers, today, showPersons);
    }

    public static async Task<IReadOnlyDictionary<Guid, OfferDto>> LoadOffers(AghClient api, IEnumerable<Guid> ids)
    {
        var found = new Dictionary<Guid, OfferDto>();
        foreach (var id in ids.ToHashSet())
        {
            try
            {
                found[id] = await api.GetOfferAsync(id);
            }
            catch (AghApiException e) when (e.StatusCode is 403 or 404)
            {
                // The row shows without the offer's title.
            }
        }
        return found;
    }

    /// <summary>Sortable headers: on the accident list's page and in the inbox (there by the due report unless asked otherwise).</summary>
    public ListSort<AccidentDto>? AccidentSort { get; init; }

    /// <summary>Sortable headers of the absence reports (the inbox: the oldest absence first unless asked otherwise).</summary>
    public ListSort<AbsenceReportDto>? AbsenceReportSort { get; init; }

    /// <summary>
    /// The inbox's two lists, each sorted on its own by a header (parameters a… and u…, so the inbox's other tables keep
    /// their order). The defaults stay the order of the work: the oldest absence, the report due first.
    /// </summary>
    public OfficeCases Sorted(HttpRequest request)
    {
        var reports = new ListSort<AbsenceReportDto>(request, "a", null, "date", false,
            ("person", r => Person(r.PersonId)), ("offer", r => Offer(r.OfferId)), ("date", r => r.Date), ("kind", r => Labels.AbsenceKind.Text(r.Kind)),
            ("provider", r => Provider(r.OfferId))) { Fragment = "h-absence-reports" };
        var accidents = new ListSort<AccidentDto>(request, "u", null, "reportDueOn", false,
            ("person", a => Person(a.PersonId)), ("offer", a => Offer(a.OfferId)), ("on", a => a.On), ("provider", a => Provider(a.OfferId)),
            ("reportDueOn", a => a.ReportDueOn)) { Fragment = "h-accidents" };
        return this with
        {
            AbsenceReports = reports.Apply(AbsenceReports), AbsenceReportSort = reports,
            Accidents = accidents.Apply(Accidents), AccidentSort = accidents,
        };
    }

    /// <summary>The status the accident list is filtered by (null: all); the caption and the status column follow it.</summary>
    public AccidentStatus? AccidentStatusFilter { get; init; } = AccidentStatus.Open;

    /// <summary>A provider reads no person, only the names on its own placements ("Familienname, Vorname"), by person id.</summary>
    public IReadOnlyDictionary<Guid, string> ProviderPersons { get; init; } = new Dictionary<Guid, string>();

    /// <summary>The list as a provider sees it: the names from its placements.</summary>
    public async Task<OfficeCases> WithProviderNames(HttpContext http)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var a in Accidents)
            if (!names.ContainsKey(a.PersonId) && await AGH.Web.Pages.Provider.ProviderReads.Placement(http, a.PlacementId) is { } p)
                names[a.PersonId] = $"{p.Person.FamilyName}, {p.Person.GivenName}";
        return this with { ProviderPersons = names, ShowPersons = true };
    }

    public string Person(Guid id) =>
        ProviderPersons.TryGetValue(id, out var name) ? name : Persons.ContainsKey(id) ? PersonNames.WithReference(Persons, id) : "(Person nicht lesbar)";

    public string Offer(Guid id) => Offers.TryGetValue(id, out var o) ? o.Title : "(Angebot nicht lesbar)";

    public string Provider(Guid id) => Offers.TryGetValue(id, out var o) ? o.ProviderName : "–";

    /// <summary>Overdue in words (not by colour alone): the report to the insurer was due before today.</summary>
    public static string? Overdue(AccidentDto a, DateOnly today) =>
        a.Status == AccidentStatus.Open && a.ReportDueOn < today ? $"überfällig seit {Format.Date(a.ReportDueOn)}" : null;
}
