using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Placements;

/// <summary>The confirmation after an assignment: what the API stored, and the notice to print.</summary>
public sealed class AssignedModel : StaffPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public PlacementDto Placement { get; private set; } = null!;
    public PersonDto Person { get; private set; } = null!;
    public OfferDto Offer { get; private set; } = null!;

    /// <summary>The Heranziehungsbescheid: issued by the service (to print and dispatch) or served outside it (no PDF).</summary>
    public NoticeDto Notice { get; private set; } = null!;

    public async Task OnGet()
    {
        var api = await Api();
        Placement = await api.GetPlacementAsync(Id);
        Person = await api.GetPersonAsync(Placement.PersonId, null);
        Offer = await api.GetOfferAsync(Placement.OfferId);
        Notice = await api.GetNoticeAsync(Placement.NoticeId);
    }
}
