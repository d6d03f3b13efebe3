using System.ComponentModel.DataAnnotations;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Persons;

/// <summary>
/// The Löschsperre (POST /api/persons/{id}/legal-hold and …/legal-hold/release, caseworkers and officials): while a
/// remedy is pending the data outlives the retention period. One page: it places the hold, or lifts the one in place;
/// both take a reason and are confirmed first.
/// </summary>
public sealed class LegalHoldModel : CommandPage
{
    public sealed class HoldInput
    {
        [Required(ErrorMessage = "Bitte den Grund angeben.")]
        [StringLength(2000, ErrorMessage = "Bitte höchstens 2000 Zeichen.")] public string? Reason { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public HoldInput Input { get; set; } = new();
    [BindProperty] public new bool Confirmed { get; set; }

    public bool Confirming { get; private set; }
    public PersonDto Person { get; private set; } = null!;

    /// <summary>What the form does: lift the hold in place, or place one.</summary>
    public bool Lifting => Person.LegalHold;

    public async Task OnGet() => await Load();

    public async Task<IActionResult> OnPost()
    {
        await Load();
        if (!ModelState.IsValid) return Page();
        if (!Confirmed)
        {
            Confirming = true;
            return Page();
        }
        var reason = Input.Reason!.Trim();
        var body = new LegalHoldRequest { Reason = reason };
        var ok = Lifting
            ? await Try(c => c.LiftLegalHoldAsync(Id, IdempotencyKey("lift", reason), ETag, body))
            : await Try(c => c.PlaceLegalHoldAsync(Id, IdempotencyKey("place", reason), ETag, body));
        if (!ok) return Page();
        return BackTo("/Persons/Show", new { id = Id }, Lifting
            ? "Die Löschsperre ist aufgehoben. Für die Daten gilt wieder die Aufbewahrungsfrist."
            : "Die Löschsperre ist gesetzt. Die Daten werden nicht gelöscht, bis sie aufgehoben ist.");
    }

    public async Task OnPostEdit()
    {
        await Load();
        ModelState.Clear();
    }

    private async Task Load() => Person = Shown(await (await Api()).Tagged(c => c.GetPersonAsync(Id, null)));
}
