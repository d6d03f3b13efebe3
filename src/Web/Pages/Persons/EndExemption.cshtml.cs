using System.ComponentModel.DataAnnotations;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Persons;

/// <summary>A good reason ends earlier than recorded, or an open-ended one gets its last day (POST …/exemptions/{id}/end).</summary>
public sealed class EndExemptionModel : CommandPage
{
    public sealed class EndInput
    {
        [Required(ErrorMessage = "Bitte den letzten Tag der Befreiung angeben.")] public DateOnly? Until { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid ExemptionId { get; set; }
    [BindProperty] public EndInput Input { get; set; } = new();

    public PersonDto Person { get; private set; } = null!;
    public ExemptionDto Exemption { get; private set; } = null!;

    public async Task<IActionResult> OnGet()
    {
        if (!await Load()) return NotFound();
        Input.Until = Today;
        return Page();
    }

    public async Task<IActionResult> OnPost()
    {
        if (!await Load()) return NotFound();
        if (!ModelState.IsValid) return Page();
        var ok = await Try(c => c.EndExemptionAsync(Id, ExemptionId, IdempotencyKey("exemption-end", ExemptionId, Input.Until!.Value), ETag,
            new EndExemptionRequest { Until = Input.Until!.Value }), codeFields: new Dictionary<string, string>
        {
            ["end-before-start"] = "Until", ["exemption-ended"] = "Until", ["exemption-withdrawn"] = "Until",
        });
        if (!ok) return Page();
        return BackTo("/Persons/Show", new { id = Id },
            $"Die Befreiung ({Labels.ExemptionReason.Text(Exemption.Reason)}) endet mit dem {Format.Date(Input.Until!.Value)}.");
    }

    private async Task<bool> Load()
    {
        Person = Shown(await (await Api()).Tagged(c => c.GetPersonAsync(Id, null)));
        Exemption = Person.Exemptions.FirstOrDefault(e => e.ExemptionId == ExemptionId)!;
        return Exemption is not null;
    }
}
