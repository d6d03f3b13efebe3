using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Inbox;

/// <summary>
/// The inbox: notices to dispatch, the providers' open absence reports and accidents (caseworkers), proposals and objections
/// to decide (officials), restrictions due for the § 14 Abs. 2 review.
/// </summary>
public sealed class IndexModel : StaffPage
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public int Within { get; set; } = 30;
    [BindProperty(SupportsGet = true)] public int Pp { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int Po { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int Pn { get; set; } = 1;

    /// <summary>Notices of the municipality that wait for dispatch (GET /api/notices?awaitingDispatch=true), oldest first.</summary>
    public IReadOnlyList<NoticeDto> NoticesToDispatch { get; private set; } = [];
    public int NoticeTotal { get; private set; }

    /// <summary>Proposals and objections are the official's to decide; caseworkers come here for the notices to dispatch.</summary>
    public bool IsOfficial => User.Is(Roles.Official);

    public IReadOnlyList<SanctionProposalDto> Proposals { get; private set; } = [];
    public int ProposalTotal { get; private set; }
    public IReadOnlyList<SanctionProposalDto> Objections { get; private set; } = [];
    public int ObjectionTotal { get; private set; }
    public IReadOnlyList<DueReviewDto> Reviews { get; private set; } = [];
    public ListSort<DueReviewDto> ReviewSort { get; private set; } = null!;

    /// <summary>
    /// Each table of the inbox sorts on its own (parameters with its own prefix). The defaults are the order of the work:
    /// notices and absence reports oldest first, accidents by the due report, proposals and objections by name (the API's).
    /// </summary>
    public ListSort<NoticeDto> NoticeSort { get; private set; } = null!;
    public ListSort<SanctionProposalDto> ProposalSort { get; private set; } = null!;
    public ListSort<SanctionProposalDto> ObjectionSort { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, PersonDto> Persons { get; private set; } = new Dictionary<Guid, PersonDto>();

    /// <summary>The providers' open absence reports and accidents: the caseworker's to follow up.</summary>
    public AGH.Web.Pages.Accidents.OfficeCases Cases { get; private set; } = AGH.Web.Pages.Accidents.OfficeCases.None;

    public bool IsCaseworker => User.Is(Roles.Caseworker);

    public string? MunicipalityName => User.Municipality() is { } m ? Municipalities.Name(m) : null;

    public bool Mine(SanctionProposalDto p) => p.ProposedBy == User.UserId();

    public static int Pages(int total) => Math.Max(1, (total + PageSize - 1) / PageSize);

    public async Task OnGet()
    {
        if (Pp < 1) Pp = 1;
        if (Po < 1) Po = 1;
        if (Pn < 1) Pn = 1;
        if (!SanctionTexts.Within.Any(w => w.Days == Within)) Within = 30;
        var api = await Api();
        // The page sorts what the API answers (it has no order parameter): each list is read whole, sorted, then paged here.
        var notices = await All((page, size) => api.ListNoticesAsync(null, true, page, size), api);
        NoticeTotal = notices.Count;
        List<SanctionProposalDto> proposals = [], objections = [];
        if (IsOfficial)
        {
            proposals = await All((page, size) => api.ListSanctionProposalsAsync("pending", null, page, size), api);
            ProposalTotal = proposals.Count;
            objections = await All((page, size) => api.ListSanctionProposalsAsync(null, "pending", page, size), api);
            ObjectionTotal = objections.Count;
        }
        if (IsCaseworker) Cases = await AGH.Web.Pages.Accidents.OfficeCases.LoadOpen(api, Today, absenceReports: true, accidents: true, showPersons: true);
        var reviews = (await api.ListRestrictionsDueForReviewAsync(Within.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null)).ToList();
        Persons = await PersonNames.Load(api, proposals.Select(p => p.PersonId).Concat(objections.Select(p => p.PersonId)).Concat(reviews.Select(r => r.PersonId))
            .Concat(notices.Select(n => n.PersonId)));
        string Name(Guid person) => PersonNames.Of(Persons, person);
        NoticeSort = new ListSort<NoticeDto>(Request, "n", "pn", "issuedOn", false,
            ("person", n => Name(n.PersonId)), ("kind", n => Labels.NoticeKind.Text(n.Kind)), ("issuedOn", n => n.IssuedOn)) { Fragment = "h-notices" };
        NoticesToDispatch = NoticeSort.Apply(notices).Skip((Pn - 1) * PageSize).Take(PageSize).ToList();
        ProposalSort = new ListSort<SanctionProposalDto>(Request, "v", "pp", "person", false,
            ("person", p => Name(p.PersonId)), ("municipality", p => Persons.GetValueOrDefault(p.PersonId) is { } x ? Municipalities.Name(x.Municipality) : null),
            ("proposedBy", p => StaffName.Of(p.ProposedByName, p.ProposedBy))) { Fragment = "h-proposals" };
        Proposals = ProposalSort.Apply(proposals).Skip((Pp - 1) * PageSize).Take(PageSize).ToList();
        ObjectionSort = new ListSort<SanctionProposalDto>(Request, "w", "po", "person", false,
            ("person", p => Name(p.PersonId)), ("receivedOn", p => p.Objection?.ReceivedOn), ("startsOn", p => p.StartsOn)) { Fragment = "h-objections" };
        Objections = ObjectionSort.Apply(objections).Skip((Po - 1) * PageSize).Take(PageSize).ToList();
        if (IsCaseworker) Cases = Cases.Sorted(Request);
        ReviewSort = AGH.Web.Pages.Reviews.ReviewSort.For(Request, Persons);
        Reviews = ReviewSort.Apply(reviews);
    }

    public string Link(int pp, int po) => With(("pp", pp.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("po", po.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public string NoticeLink(int pn) => With(("pn", pn.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The orders of the other tables, kept when the review period is changed (the form sends them along).</summary>
    public IEnumerable<(string Name, string Value)> Orders
    {
        get
        {
            // As understood (a known column, asc/desc), never the raw query.
            var sorts = new (string Sort, string Dir, string Key, string Direction)?[]
            {
                (NoticeSort.SortParameter, NoticeSort.DirParameter, NoticeSort.Key, NoticeSort.Dir),
                (ProposalSort.SortParameter, ProposalSort.DirParameter, ProposalSort.Key, ProposalSort.Dir),
                (ObjectionSort.SortParameter, ObjectionSort.DirParameter, ObjectionSort.Key, ObjectionSort.Dir),
                Cases.AbsenceReportSort is { } a ? (a.SortParameter, a.DirParameter, a.Key, a.Dir) : null,
                Cases.AccidentSort is { } u ? (u.SortParameter, u.DirParameter, u.Key, u.Dir) : null,
            };
            foreach (var s in sorts)
                if (s is { } x && Request.Query.ContainsKey(x.Sort))
                {
                    yield return (x.Sort, x.Key);
                    yield return (x.Dir, x.Direction);
                }
        }
    }

    /// <summary>This inbox with some parameters changed: a pager keeps the period and every table's order.</summary>
    private string With(params (string Name, string Value)[] changes)
    {
        var query = Request.Query.Where(q => !q.Key.StartsWith("__", StringComparison.Ordinal) && changes.All(c => c.Name != q.Key))
            .SelectMany(q => q.Value.Select(v => (q.Key, Value: v ?? "")))
            .Concat(changes.Select(c => (Key: c.Name, c.Value)));
        return Url.Page("/Inbox/Index")! + "?" + string.Join("&", query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));
    }

    private static async Task<List<TItem>> All<TItem>(Func<int, int, Task<ICollection<TItem>>> read, AghClient api)
    {
        var all = new List<TItem>();
        for (var page = 1; ; page++)
        {
            var batch = (await read(page, 500)).ToList();
            all.AddRange(batch);
            if (batch.Count < 500 || all.Count >= (api.LastTotalCount ?? all.Count)) break;
        }
        return all;
    }
}
