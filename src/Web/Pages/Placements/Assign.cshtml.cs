using System.ComponentModel.DataAnnotations;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Placements;

/// <summary>Assign a person to an open offer with a free place (POST /api/placements); the API decides whether it may.</summary>
public sealed class AssignModel : CommandPage
{
    public sealed class AssignInput
    {
        [Required(ErrorMessage = "Bitte ein Angebot wählen.")] public Guid? OfferId { get; set; }
        /// <summary>Only for a notice served outside the service; empty (the normal way) lets the service issue it today.</summary>
        public DateOnly? NoticeServedOn { get; set; }
        [Required(ErrorMessage = "Bitte den Beginn angeben.")] public DateOnly? StartsOn { get; set; }
        [Required(ErrorMessage = "Bitte die Wochenstunden angeben.")] public int? HoursPerWeek { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public AssignInput Input { get; set; } = new();

    public PersonDto Person { get; private set; } = null!;

    /// <summary>Open offers with a free place as the API lists them for the caseworker's municipality, plus the chosen one.</summary>
    public IReadOnlyList<OfferDto> Offers { get; private set; } = [];

    public async Task OnGet()
    {
        await Load();
        Input.StartsOn = Today;
    }

    public async Task<IActionResult> OnPost()
    {
        await Load();
        if (!ModelState.IsValid) return Page();
        AssignPersonAssigned? created = null;
        var ok = await Try(async c => created = await c.AssignPersonAsync(IdempotencyKey("assign"), new AssignPersonRequest
        {
            PersonId = Id,
            OfferId = Input.OfferId!.Value,
            NoticeServedOn = Input.NoticeServedOn,
            StartsOn = Input.StartsOn!.Value,
            HoursPerWeek = Input.HoursPerWeek!.Value,
        }), codeFields: new Dictionary<string, string>
        {
            ["no-free-place"] = "OfferId",
            ["offer-not-open"] = "OfferId",
            ["hours-exceed-offer"] = "HoursPerWeek",
            ["start-before-notice"] = "StartsOn",
            ["notice-in-future"] = "NoticeServedOn",
            ["person-not-eligible"] = "StartsOn",
        });
        // The API claims a key only with a success: the corrected input is sent again under the same key.
        if (!ok) return Page();
        TempData["Flash"] = $"{Person.GivenName} {Person.FamilyName} ist zugewiesen.";
        return RedirectToPage("/Placements/Assigned", new { id = created!.Id });
    }

    private async Task Load()
    {
        var api = await Api();
        Person = await api.GetPersonAsync(Id, null);
        var listed = (await api.ListOffersAsync(User.Municipality(), null, 1, 500)).ToList();
        Offers = listed.Where(o => (o.Status == OfferStatus.Open && o.Free > 0) || o.Id == Input.OfferId)
            .OrderBy(o => o.Title, StringComparer.CurrentCulture).ThenBy(o => o.ProviderName, StringComparer.CurrentCulture).ToList();
    }
}
