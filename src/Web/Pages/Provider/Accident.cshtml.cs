using System.ComponentModel.DataAnnotations;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Provider;

/// <summary>
/// The provider records an accident at the work (POST /api/placements/{id}/accidents, contract v3c). The person is insured as a
/// Beschäftigte (§ 2 Abs. 1 Nr. 1 SGB VII); reporting it to the insurer is the provider's duty (§ 193 SGB VII): the page says when.
/// </summary>
public sealed class AccidentModel : CommandPage
{
    public sealed class AccidentInput
    {
        [Required(ErrorMessage = "Bitte den Tag des Unfalls angeben.")] public DateOnly? On { get; set; }

        [Required(ErrorMessage = "Bitte kurz beschreiben, was passiert ist.")]
        [StringLength(2000, ErrorMessage = "Bitte höchstens 2000 Zeichen.")]
        public string? Description { get; set; }

        [Range(0, 3650, ErrorMessage = "Bitte eine Zahl von 0 bis 3650 angeben.")] public int? IncapacityDays { get; set; }

        public bool Fatal { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    /// <summary>The month of the timesheet the provider came from, to return there.</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    [BindProperty] public AccidentInput Input { get; set; } = new();

    public ProviderPlacementDto Placement { get; private set; } = null!;

    public string Name => $"{Placement.Person.GivenName} {Placement.Person.FamilyName}";

    public async Task<IActionResult> OnGet()
    {
        if (!await Load()) return NotFound();
        Input.On = Today;
        return Page();
    }

    public async Task<IActionResult> OnPost()
    {
        if (!await Load()) return NotFound();
        if (ModelState[$"{nameof(Input)}.{nameof(AccidentInput.IncapacityDays)}"] is { Errors.Count: > 0 } days)
        {
            // "drei" typed into a number field: say what is wanted, not the framework's English.
            days.Errors.Clear();
            ModelState.AddModelError($"{nameof(Input)}.{nameof(AccidentInput.IncapacityDays)}", "Bitte eine Zahl von 0 bis 3650 angeben, oder leer lassen.");
        }
        if (!ModelState.IsValid) return Page();
        var description = Input.Description!.Trim();
        AccidentDto? recorded = null;
        var ok = await Try(async c => recorded = await c.RecordAccidentAsync(Id, IdempotencyKey("accident", Input.On, description, Input.IncapacityDays, Input.Fatal), null,
            new RecordAccidentRequest { On = Input.On!.Value, Description = description, IncapacityDays = Input.IncapacityDays, Fatal = Input.Fatal }),
            codeFields: new Dictionary<string, string> { ["date-in-future"] = "On", ["outside-placement"] = "On" });
        if (!ok || recorded is null) return Page();
        var due = recorded.Status == AccidentStatus.Open
            ? $" Bitte zeigen Sie den Unfall bis zum {Format.Date(recorded.ReportDueOn)} Ihrer Unfallversicherung an{(recorded.AccidentInsurer is { Length: > 0 } insurer ? $" ({insurer})" : "")}."
            : " Eine Unfallanzeige ist nach diesen Angaben nicht nötig; wird die Person mehr als drei Tage arbeitsunfähig, melden Sie es bitte dem Sozialamt.";
        return BackTo("/Provider/Timesheet", new { id = Placement.OfferId, month = Month is { Length: 7 } m ? m : Input.On!.Value.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) },
            $"Der Unfall von {Name} am {Format.Date(Input.On!.Value)} ist gespeichert.{due}");
    }

    private async Task<bool> Load()
    {
        Placement = (await ProviderReads.Placement(HttpContext, Id))!;
        return Placement is not null;
    }
}
