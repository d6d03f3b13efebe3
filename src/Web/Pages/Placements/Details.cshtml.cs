using AGH.Web.Api;
using AGH.Web.Infrastructure;

namespace AGH.Web.Pages.Placements;

/// <summary>A placement as the caseworker sees it: who, where, since when, hours, refusals and proposals.</summary>
public sealed class DetailsModel : StaffPage
{
    public PlacementDto Placement { get; private set; } = null!;
    public PersonDto Person { get; private set; } = null!;
    public OfferDto Offer { get; private set; } = null!;
    public PlacementObjectionView Objection { get; private set; } = null!;

    public async Task OnGet(Guid id)
    {
        var api = await Api();
        Placement = await api.GetPlacementAsync(id);
        Person = await api.GetPersonAsync(Placement.PersonId, null);
        Offer = await api.GetOfferAsync(Placement.OfferId);
        Objection = await PlacementObjectionView.Load(api, Placement, Today);
    }

    public string PersonName => $"{Person.GivenName} {Person.FamilyName}";

    /// <summary>Which step of the refusal flow comes next, in words (what the API answered so far, nothing decided here).</summary>
    public string RefusalState(RefusalDto r)
    {
        var proposal = Placement.SanctionProposals.FirstOrDefault(p => p.RefusalId == r.RefusalId);
        if (proposal is not null) return "Vorschlag " + Labels.ProposalBadge(proposal).Text;
        if (r.Assessment?.GoodCause == true) return "wichtiger Grund anerkannt – kein Vorschlag";
        if (r.Assessment is null) return "Es fehlt noch: die Bewertung";
        if (r.Hearing is null) return "Es fehlt noch: die Anhörung";
        return "Es fehlt noch: der Vorschlag";
    }
}
