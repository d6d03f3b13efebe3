using System.ComponentModel.DataAnnotations;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Persons;

/// <summary>Record that a good reason exists (POST /api/persons/{id}/exemptions): the reason, never a diagnosis.</summary>
public sealed class NewExemptionModel : StaffPage
{
    public sealed class ExemptionInput
    {
        [Required(ErrorMessage = "Bitte einen Grund wählen.")] public ExemptionReason? Reason { get; set; }
        [Required(ErrorMessage = "Bitte den Beginn angeben.")] public DateOnly? From { get; set; }
        public DateOnly? Until { get; set; }
        [StringLength(500, ErrorMessage = "Bitte höchstens 500 Zeichen.")] public string? Note { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ExemptionInput Input { get; set; } = new();
    [BindProperty] public Guid RequestKey { get; set; }
    [BindProperty] public string? ETag { get; set; }

    public PersonDto Person { get; private set; } = null!;

    public async Task OnGet()
    {
        var api = await Api();
        Person = await api.GetPersonAsync(Id, null);
        ETag = api.LastETag;
        RequestKey = Guid.NewGuid();
        Input.From = Today;
    }

    public async Task<IActionResult> OnPost()
    {
        Person = await (await Api()).GetPersonAsync(Id, null);
        if (RequestKey == Guid.Empty) RequestKey = Guid.NewGuid();
        if (!ModelState.IsValid) return Page();
        var ok = await Try(c => c.RecordExemptionAsync(Id, RequestKey.ToString(), ETag, new RecordExemptionRequest
        {
            Reason = Input.Reason!.Value,
            From = Input.From!.Value,
            Until = Input.Until,
            Note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim(),
        }), codeFields: new Dictionary<string, string>
        {
            ["exemption-period-invalid"] = "Until",
            ["date-before-entitlement"] = "From",
        });
        if (!ok) return Page();
        return BackTo($"/app/persons/{Id}", $"Die Befreiung ({PersonLabels.Exemption(Input.Reason!.Value)}) ist erfasst.");
    }
}
