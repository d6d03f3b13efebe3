using System.ComponentModel.DataAnnotations;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Persons;

/// <summary>Record that a good reason exists (POST /api/persons/{id}/exemptions): the reason, never a diagnosis.</summary>
public sealed class NewExemptionModel : CommandPage
{
    public sealed class ExemptionInput
    {
        [Required(ErrorMessage = "Bitte einen Grund wählen.")] public ExemptionReason? Reason { get; set; }
        [Required(ErrorMessage = "Bitte den Beginn angeben.")] public DateOnly? From { get; set; }
        public DateOnly? Until { get; set; }
        public DateOnly? ReviewOn { get; set; }
        public EvidenceKind? Evidence { get; set; }
        public DateOnly? EvidenceReceivedOn { get; set; }
        [StringLength(500, ErrorMessage = "Bitte höchstens 500 Zeichen.")] public string? Note { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ExemptionInput Input { get; set; } = new();

    public PersonDto Person { get; private set; } = null!;

    /// <summary>Reached from a provider's sick report (reason=illness, from=the day reported): the form starts with them.</summary>
    public async Task OnGet(string? reason, DateOnly? from)
    {
        var api = await Api();
        Person = Shown(await api.Tagged(c => c.GetPersonAsync(Id, null)));
        Input.Reason = Labels.ExemptionReason.Parse(reason);
        Input.From = from ?? Today;
    }

    public async Task<IActionResult> OnPost()
    {
        Person = Shown(await (await Api()).Tagged(c => c.GetPersonAsync(Id, null)));
        if (!ModelState.IsValid) return Page();
        var ok = await Try(c => c.RecordExemptionAsync(Id, IdempotencyKey("exemption"), ETag, new RecordExemptionRequest
        {
            Reason = Input.Reason!.Value,
            From = Input.From!.Value,
            Until = Input.Until,
            ReviewOn = Input.ReviewOn,
            Evidence = Input.Evidence is { } kind ? new RecordExemptionEvidence { Kind = kind, ReceivedOn = Input.EvidenceReceivedOn } : null,
            Note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim(),
        }), codeFields: new Dictionary<string, string>
        {
            ["exemption-period-invalid"] = "Until",
            ["date-before-entitlement"] = "From",
        });
        if (!ok) return Page();
        return BackTo("/Persons/Show", new { id = Id }, $"Die Befreiung ({Labels.ExemptionReason.Text(Input.Reason!.Value)}) ist erfasst.");
    }
}
