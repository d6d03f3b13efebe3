using System.ComponentModel.DataAnnotations;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Persons;

/// <summary>An exemption recorded in error is withdrawn (POST …/exemptions/{id}/withdrawal): it counts nowhere from then on.</summary>
public sealed class WithdrawExemptionModel : CommandPage
{
    public sealed class WithdrawInput
    {
        [Required(ErrorMessage = "Bitte angeben, warum die Befreiung irrtümlich erfasst wurde.")]
        [StringLength(1000, ErrorMessage = "Bitte höchstens 1000 Zeichen.")] public string? Reason { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid ExemptionId { get; set; }
    [BindProperty] public WithdrawInput Input { get; set; } = new();

    public PersonDto Person { get; private set; } = null!;
    public ExemptionDto Exemption { get; private set; } = null!;

    public async Task<IActionResult> OnGet() => await Load() ? Page() : NotFound();

    public async Task<IActionResult> OnPost()
    {
        if (!await Load()) return NotFound();
        if (!ModelState.IsValid) return Page();
        var reason = Input.Reason!.Trim();
        var ok = await Try(c => c.WithdrawExemptionAsync(Id, ExemptionId, IdempotencyKey("exemption-withdrawal", ExemptionId, reason), ETag,
            new WithdrawExemptionRequest { Reason = reason }), codeFields: new Dictionary<string, string>
        {
            ["exemption-withdrawn"] = "Reason",
        });
        if (!ok) return Page();
        return BackTo("/Persons/Show", new { id = Id },
            $"Die Befreiung ({Labels.ExemptionReason.Text(Exemption.Reason)}) ist zurückgenommen und zählt nicht mehr.");
    }

    private async Task<bool> Load()
    {
        Person = Shown(await (await Api()).Tagged(c => c.GetPersonAsync(Id, null)));
        Exemption = Person.Exemptions.FirstOrDefault(e => e.ExemptionId == ExemptionId)!;
        return Exemption is not null;
    }
}
