using System.ComponentModel.DataAnnotations;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Persons;

/// <summary>
/// "Anspruch beendet" (POST /api/persons/{id}/entitlement-end): the AsylbLG entitlement ended. Binding, and it ends an
/// active placement at once, so the form first shows a summary to confirm.
/// </summary>
public sealed class EntitlementEndModel : CommandPage
{
    public sealed class EndInput
    {
        [Required(ErrorMessage = "Bitte den Tag angeben, an dem der Anspruch endete.")] public DateOnly? Date { get; set; }
        [Required(ErrorMessage = "Bitte den Grund angeben, zum Beispiel „Anerkennung als Flüchtling“.")]
        [StringLength(2000, ErrorMessage = "Bitte höchstens 2000 Zeichen.")] public string? Reason { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public EndInput Input { get; set; } = new();

    /// <summary>Set by the summary's button: only then is the end sent.</summary>
    [BindProperty] public new bool Confirmed { get; set; }

    /// <summary>The input was complete: the page shows the summary to confirm instead of the form.</summary>
    public bool Confirming { get; private set; }

    public PersonDto Person { get; private set; } = null!;
    public PlacementDto? ActivePlacement { get; private set; }
    public OfferDto? ActiveOffer { get; private set; }

    public async Task OnGet()
    {
        await Load();
        Input.Date = Today;
    }

    public async Task<IActionResult> OnPost()
    {
        await Load();
        if (Input.Date is { } d && d > Today) ModelState.AddModelError("Input.Date", ProblemTexts.ForCode("date-in-future"));
        if (!ModelState.IsValid) return Page();
        if (!Confirmed)
        {
            Confirming = true;
            return Page();
        }
        var reason = Input.Reason!.Trim();
        var ok = await Try(c => c.EndEntitlementAsync(Id, IdempotencyKey("entitlement-end", Input.Date!.Value, reason), ETag,
            new DatedReasonRequest { Date = Input.Date!.Value, Reason = reason }), codeFields: new Dictionary<string, string>
        {
            ["date-in-future"] = "Date",
            ["date-before-entitlement"] = "Date",
            ["hours-after-end"] = "Date",
        });
        if (!ok) return Page();
        return BackTo("/Persons/Show", new { id = Id },
            $"Das Ende des Leistungsanspruchs am {Format.Date(Input.Date!.Value)} ist erfasst."
            + (ActivePlacement is null ? "" : $" Die Arbeitsgelegenheit „{ActiveOffer?.Title}“ ist damit beendet, der Platz ist frei."));
    }

    /// <summary>"Angaben ändern" on the summary: back to the form with what was typed.</summary>
    public async Task OnPostEdit()
    {
        await Load();
        ModelState.Clear();
    }

    private async Task Load()
    {
        var api = await Api();
        Person = Shown(await api.Tagged(c => c.GetPersonAsync(Id, null)));
        if (Person.ActivePlacementId is { } placementId)
        {
            ActivePlacement = await api.GetPlacementAsync(placementId);
            ActiveOffer = await api.GetOfferAsync(ActivePlacement.OfferId);
        }
    }
}
