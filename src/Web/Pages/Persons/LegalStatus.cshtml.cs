using System.ComponentModel.DataAnnotations;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Persons;

/// <summary>
/// The person's residence status (POST /api/persons/{id}/legal-status). Only "excluded" (§ 1 Abs. 4 AsylbLG) changes the
/// duty: the API then ends the entitlement from that day.
/// </summary>
public sealed class LegalStatusModel : CommandPage
{
    public sealed class LegalStatusInput
    {
        [Required(ErrorMessage = "Bitte einen Status wählen.")] public LegalStatus? Status { get; set; }
        [Required(ErrorMessage = "Bitte angeben, seit wann der Status gilt.")] public DateOnly? Since { get; set; }
        [Required(ErrorMessage = "Bitte den Nachweis oder Anlass nennen.")]
        [StringLength(1000, ErrorMessage = "Bitte höchstens 1000 Zeichen.")] public string? Note { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public LegalStatusInput Input { get; set; } = new();

    public PersonDto Person { get; private set; } = null!;

    public async Task OnGet()
    {
        Person = Shown(await (await Api()).Tagged(c => c.GetPersonAsync(Id, null)));
        Input.Since = Today;
    }

    public async Task<IActionResult> OnPost()
    {
        Person = Shown(await (await Api()).Tagged(c => c.GetPersonAsync(Id, null)));
        if (!ModelState.IsValid) return Page();
        var note = Input.Note!.Trim();
        var ok = await Try(c => c.RecordLegalStatusAsync(Id, IdempotencyKey("legal-status", Input.Status!.Value, Input.Since!.Value, note), ETag,
            new RecordLegalStatusRequest { Status = Input.Status!.Value, Since = Input.Since!.Value, Note = note }), codeFields: new Dictionary<string, string>
        {
            ["date-in-future"] = "Since", ["date-before-entitlement"] = "Since", ["hours-after-end"] = "Since",
        });
        if (!ok) return Page();
        var text = Labels.LegalStatus.Text(Input.Status!.Value);
        return BackTo("/Persons/Show", new { id = Id }, Input.Status == LegalStatus.Excluded
            ? $"Der Status „{text}“ seit dem {Format.Date(Input.Since!.Value)} ist erfasst. Der Leistungsanspruch nach AsylbLG endet damit; eine laufende Arbeitsgelegenheit ist beendet."
            : $"Der Status „{text}“ seit dem {Format.Date(Input.Since!.Value)} ist erfasst.");
    }
}
