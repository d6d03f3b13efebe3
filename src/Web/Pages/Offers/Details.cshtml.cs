using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Offers;

/// <summary>One offer: its details, a change of places, and its withdrawal; the ETag read here guards both changes.</summary>
public sealed class DetailsModel : CommandPage
{
    public sealed class PlacesInput
    {
        public int? Places { get; set; }
    }

    public sealed class WithdrawInput
    {
        public DateOnly? Date { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public PlacesInput Change { get; set; } = new();
    [BindProperty] public WithdrawInput Withdraw { get; set; } = new();

    public OfferDto Offer { get; private set; } = null!;

    /// <summary>The people of the offer (issue 20): its placements the caller may see, by name unless sorted otherwise, filtered by status.</summary>
    public sealed record Member(PlacementDto Placement, PersonDto? Person)
    {
        public string Name => Person is { } p ? $"{p.FamilyName}, {p.GivenName}" : "(nicht sichtbar)";
    }

    public IReadOnlyList<Member> Members { get; private set; } = [];

    /// <summary>How many people the offer has that the caller may see, before the status filter.</summary>
    public int MemberCount { get; private set; }

    /// <summary>The status filter of the people (null: all); an unknown value counts as none.</summary>
    public PlacementStatus? MemberStatus { get; private set; }

    public ListSort<Member> MemberSort { get; private set; } = null!;

    /// <summary>The week grid of hours is the caseworker's (the API lets only caseworkers and providers log by the week).</summary>
    public bool MayLogHours => User.Is(Roles.Caseworker);

    public string ThisWeek => WeekModel.Code(WeekModel.MondayOf(Today));

    /// <summary>Which form was sent, so its messages show at that form only.</summary>
    public string? Posted { get; private set; }

    /// <summary>The forms are offered to who may change offers; the API still decides each change.</summary>
    public bool MayChange => Offer.Status == OfferStatus.Open
        && (User.Is(Roles.Coordinator) || (User.Is(Roles.Caseworker) && User.Municipality() == Offer.Municipality));

    public async Task OnGet()
    {
        await Load();
        Change.Places = Offer.Places;
        Withdraw.Date = Today;
    }

    public async Task<IActionResult> OnPostPlaces()
    {
        Posted = "places";
        var ok = await Try(c => c.ChangeOfferPlacesAsync(Id, IdempotencyKey("places", Change.Places), ETag, new ChangePlacesRequest { Places = Change.Places ?? 0 }),
            prefix: nameof(Change), codeFields: new Dictionary<string, string> { ["places-below-occupied"] = "Places" });
        if (ok) return BackTo("/Offers/Details", new { id = Id }, $"Die Zahl der Plätze ist jetzt {Change.Places}.");
        return await Again();
    }

    public async Task<IActionResult> OnPostWithdraw()
    {
        Posted = "withdraw";
        if (Withdraw.Date is null) ModelState.AddModelError("Withdraw.Date", "Bitte das Datum angeben.");
        else
        {
            var ok = await Try(c => c.WithdrawOfferAsync(Id, IdempotencyKey("withdraw"), ETag, new DatedReasonRequest { Date = Withdraw.Date.Value, Reason = Withdraw.Reason?.Trim() ?? "" }),
                prefix: nameof(Withdraw));
            if (ok) return BackTo("/Offers/Details", new { id = Id }, "Das Angebot wurde zurückgezogen.");
        }
        return await Again();
    }

    /// <summary>A refused change shows the offer as it is now, keeps what was typed, and the ETag that was read.</summary>
    private async Task<IActionResult> Again()
    {
        await Load();
        // The other form shows the offer as it is now.
        if (Posted != "places") Change.Places = Offer.Places;
        if (Posted != "withdraw") Withdraw.Date = Today;
        return Page();
    }

    private async Task Load()
    {
        MemberStatus = Labels.PlacementStatus.Parse(Request.Query["status"].ToString());
        // By name unless a header asks otherwise; the status by the course of a placement (begins, runs, ended), not by its word.
        MemberSort = new ListSort<Member>(Request, "name", false,
            ("name", m => m.Person is null ? null : m.Name), ("status", m => m.Placement.Status switch
            {
                PlacementStatus.Upcoming => 0,
                PlacementStatus.Active => 1,
                PlacementStatus.Ended => 2,
                _ => 3,
            }),
            ("startsOn", m => m.Placement.StartsOn), ("until", m => m.Placement.EndedOn ?? m.Placement.Until)) { Fragment = "members-heading" };
        var api = await Api();
        Offer = Shown(await api.Tagged(c => c.GetOfferAsync(Id)));
        try
        {
            var placements = await api.ListPlacementsAsync(null, Id, null, 1, 500, null);
            var persons = await PersonNames.Load(api, placements.Select(p => p.PersonId));
            var all = placements.Select(p => new Member(p, persons.GetValueOrDefault(p.PersonId)))
                .OrderBy(m => m.Person?.FamilyName, StringComparer.CurrentCulture).ThenBy(m => m.Person?.GivenName, StringComparer.CurrentCulture)
                .ThenBy(m => m.Placement.StartsOn).ToList();
            MemberCount = all.Count;
            Members = MemberSort.Apply(all.Where(m => MemberStatus is null || m.Placement.Status == MemberStatus));
        }
        catch (AghApiException e) when (e.StatusCode is 403)
        {
            // A role that reads no placements sees the offer only.
        }
    }
}
