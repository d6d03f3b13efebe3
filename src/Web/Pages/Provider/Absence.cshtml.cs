using System.ComponentModel.DataAnnotations;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Provider;

/// <summary>
/// The provider reports that a person stayed away (POST /api/placements/{id}/absence-reports, contract v3c): the office then
/// decides whether it is a refusal. No kind is preselected: the provider says what happened.
/// </summary>
public sealed class AbsenceModel : CommandPage
{
    public sealed class AbsenceInput
    {
        [Required(ErrorMessage = "Bitte den Tag angeben.")] public DateOnly? Date { get; set; }
        [Required(ErrorMessage = "Bitte auswählen, was passiert ist.")] public AbsenceKind? Kind { get; set; }
        [StringLength(2000, ErrorMessage = "Bitte höchstens 2000 Zeichen.")] public string? Note { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    /// <summary>The month of the timesheet the provider came from, to return there.</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    [BindProperty] public AbsenceInput Input { get; set; } = new();

    public ProviderPlacementDto Placement { get; private set; } = null!;

    public string Name => $"{Placement.Person.GivenName} {Placement.Person.FamilyName}";

    public async Task<IActionResult> OnGet()
    {
        if (!await Load()) return NotFound();
        Input.Date = Today;
        return Page();
    }

    public async Task<IActionResult> OnPost()
    {
        if (!await Load()) return NotFound();
        if (!ModelState.IsValid) return Page();
        var note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim();
        var ok = await Try(c => c.ReportAbsenceAsync(Id, IdempotencyKey("absence", Input.Date, Input.Kind, note), null,
            new ReportAbsenceRequest { Date = Input.Date!.Value, Kind = Input.Kind!.Value, Note = note }),
            codeFields: new Dictionary<string, string> { ["date-in-future"] = "Date", ["outside-placement"] = "Date" });
        if (!ok) return Page();
        return BackTo("/Provider/Timesheet", new { id = Placement.OfferId, month = ReturnMonth(Input.Date!.Value) },
            $"Danke. Die Meldung für {Name} am {Format.Date(Input.Date!.Value)} ({Labels.AbsenceKind.Text(Input.Kind!.Value)}) ist beim Sozialamt eingegangen.");
    }

    /// <summary>What each kind means, in the words of the provider's day.</summary>
    public static string Hint(AbsenceKind kind) => kind switch
    {
        AbsenceKind.NoShow => "Die Person ist nicht gekommen und hat nicht abgesagt.",
        AbsenceKind.DroppedOut => "Die Person hat angefangen und ist dann gegangen, oder kommt seitdem nicht mehr.",
        AbsenceKind.Explicit => "Die Person hat gesagt, dass sie die Arbeit nicht machen will.",
        AbsenceKind.ReportedSick => "Die Person hat sich krank gemeldet. Bitte keine Krankheit oder Diagnose aufschreiben.",
        _ => "",
    };

    private string ReturnMonth(DateOnly date) => Month is { Length: 7 } m ? m : date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<bool> Load()
    {
        Placement = (await ProviderReads.Placement(HttpContext, Id))!;
        return Placement is not null;
    }
}
