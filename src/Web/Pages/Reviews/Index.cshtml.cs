using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Reviews;

/// <summary>The caseworker's Wiedervorlagen: restrictions of their municipality due for the § 14 Abs. 2 review (read only).</summary>
public sealed class IndexModel : StaffPage
{
    [BindProperty(SupportsGet = true)] public int Within { get; set; } = 30;

    /// <summary>The occasion of the review (its wire name); the API has no such filter, so the page filters its answer (few rows).</summary>
    [BindProperty(SupportsGet = true)] public string? Reason { get; set; }

    public ListSort<DueReviewDto> Sort { get; private set; } = null!;
    public IReadOnlyList<DueReviewDto> Reviews { get; private set; } = [];
    public IReadOnlyDictionary<Guid, PersonDto> Persons { get; private set; } = new Dictionary<Guid, PersonDto>();
    public string? MunicipalityName => User.Municipality() is { } m ? Municipalities.Name(m) : null;

    public async Task OnGet()
    {
        if (!SanctionTexts.Within.Any(w => w.Days == Within)) Within = 30;
        var reason = Labels.ReviewReason.Parse(Reason);
        if (reason is null) Reason = null;
        var api = await Api();
        var all = (await api.ListRestrictionsDueForReviewAsync(Within.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null)).ToList();
        Persons = await PersonNames.Load(api, all.Select(r => r.PersonId));
        // The API has no order parameter here: the page sorts, the soonest end first by default.
        Sort = ReviewSort.For(Request, Persons);
        Reviews = Sort.Apply(all.Where(r => reason is null || r.Reasons.Contains(reason.Value)));
    }
}

/// <summary>The columns the due reviews sort by, on the Wiedervorlagen and in the inbox.</summary>
public static class ReviewSort
{
    public static ListSort<DueReviewDto> For(Microsoft.AspNetCore.Http.HttpRequest request, IReadOnlyDictionary<Guid, PersonDto> persons) =>
        new(request, "endsOn", false,
            ("person", r => PersonNames.Of(persons, r.PersonId)), ("municipality", r => Municipalities.Name(r.Municipality)),
            ("startsOn", r => r.StartsOn), ("endsOn", r => r.EndsOn), ("reason", r => Labels.ReviewReason.Text(r.Reason)));
}
