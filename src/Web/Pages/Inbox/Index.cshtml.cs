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
        NoticesToDispatch = (await api.ListNoticesAsync(null, true, Pn, PageSize)).ToList();
        NoticeTotal = api.LastTotalCount ?? NoticesToDispatch.Count;
        if (IsOfficial)
        {
            Proposals = (await api.ListSanctionProposalsAsync("pending", null, Pp, PageSize)).ToList();
            ProposalTotal = api.LastTotalCount ?? Proposals.Count;
            Objections = (await api.ListSanctionProposalsAsync(null, "pending", Po, PageSize)).ToList();
            ObjectionTotal = api.LastTotalCount ?? Objections.Count;
        }
        if (IsCaseworker) Cases = await AGH.Web.Pages.Accidents.OfficeCases.LoadOpen(api, Today, absenceReports: true, accidents: true, showPersons: true);
        var reviews = (await api.ListRestrictionsDueForReviewAsync(Within.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null)).ToList();
        Persons = await PersonNames.Load(api, Proposals.Select(p => p.PersonId).Concat(Objections.Select(p => p.PersonId)).Concat(reviews.Select(r => r.PersonId))
            .Concat(NoticesToDispatch.Select(n => n.PersonId)));
        // The due reviews come whole (not paged), so they are the inbox's one sortable table; the paged ones keep the API's order.
        ReviewSort = AGH.Web.Pages.Reviews.ReviewSort.For(Request, Persons);
        Reviews = ReviewSort.Apply(reviews);
    }

    public string Link(int pp, int po) => Url.Page("/Inbox/Index", new { within = Within, pp, po, pn = Pn })!;

    public string NoticeLink(int pn) => Url.Page("/Inbox/Index", new { within = Within, pp = Pp, po = Po, pn })!;
}
