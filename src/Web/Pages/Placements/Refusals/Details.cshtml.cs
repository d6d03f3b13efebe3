using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Placements.Refusals;

/// <summary>
/// A refusal as one guided flow: assessment, hearing, proposal. The page shows the next step's form and says what is
/// missing; whether a proposal may be made is the API's decision (422 sanction-preconditions), shown at the step.
/// </summary>
public sealed class DetailsModel : CommandPage
{
    public sealed class AssessInput
    {
        /// <summary>"no" or "yes": the radio buttons' values.</summary>
        public string? GoodCause { get; set; }
        public string? Reason { get; set; }
        public string? Reasoning { get; set; }
    }

    public sealed class HearingInput
    {
        public DateOnly? HeldOn { get; set; }
        public string? Statement { get; set; }
    }

    public sealed class ProposeInput
    {
        public string? Reasoning { get; set; }
    }

    [BindProperty] public AssessInput Assess { get; set; } = new();
    [BindProperty] public HearingInput Hearing { get; set; } = new();
    [BindProperty] public ProposeInput Propose { get; set; } = new();

    public PlacementDto Placement { get; private set; } = null!;
    public PersonDto Person { get; private set; } = null!;
    public RefusalDto Refusal { get; private set; } = null!;
    public SanctionProposalDto? Proposal { get; private set; }
    public RefusalStepsModel Steps { get; private set; } = null!;

    public string PersonName => $"{Person.GivenName} {Person.FamilyName}";

    public async Task<IActionResult> OnGet(Guid id, Guid refusalId)
    {
        if (!await Load(id, refusalId)) return NotFound();
        Hearing.HeldOn = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAssess(Guid id, Guid refusalId)
    {
        if (!await Load(id, refusalId)) return NotFound();
        if (Assess.GoodCause is not ("yes" or "no"))
            ModelState.AddModelError("Assess.GoodCause", "Bitte wählen: liegt ein wichtiger Grund vor?");
        if (!ModelState.IsValid) return Page();
        var goodCause = Assess.GoodCause == "yes";
        var reason = goodCause && !string.IsNullOrEmpty(Assess.Reason) ? Assess.Reason : null;
        var reasoning = Assess.Reasoning?.Trim() ?? "";
        var ok = await Try(c => c.AssessRefusalAsync(id, refusalId, IdempotencyKey("assessment", goodCause, reason ?? "", reasoning), ETag,
            new AssessRefusalRequest { GoodCause = goodCause, Reason = Labels.ExemptionReason.Parse(reason), Reasoning = reasoning }), "Assess", new Dictionary<string, string>
        {
            ["not-obliged-on-refusal-date"] = "GoodCause", ["already-assessed"] = "GoodCause",
        });
        if (!ok) return Page();
        return BackTo("/Placements/Refusals/Details", new { id, refusalId }, goodCause
            ? "Die Bewertung ist gespeichert: Ein wichtiger Grund liegt vor. Ein Vorschlag zur Leistungseinschränkung ist nicht möglich."
            : "Die Bewertung ist gespeichert: kein wichtiger Grund. Als Nächstes: die Anhörung.");
    }

    public async Task<IActionResult> OnPostHearing(Guid id, Guid refusalId)
    {
        if (!await Load(id, refusalId)) return NotFound();
        if (Hearing.HeldOn is null) ModelState.AddModelError("Hearing.HeldOn", "Bitte das Datum der Anhörung angeben.");
        if (!ModelState.IsValid) return Page();
        var statement = Hearing.Statement?.Trim() ?? "";
        var ok = await Try(c => c.HoldHearingAsync(id, refusalId, IdempotencyKey("hearing", Hearing.HeldOn!.Value, statement), ETag,
            new HoldHearingRequest { HeldOn = Hearing.HeldOn!.Value, Statement = statement }), "Hearing", new Dictionary<string, string>
        {
            ["hearing-before-refusal"] = "HeldOn", ["date-in-future"] = "HeldOn", ["already-heard"] = "HeldOn",
        });
        if (!ok) return Page();
        return BackTo("/Placements/Refusals/Details", new { id, refusalId }, $"Die Anhörung vom {Format.Date(Hearing.HeldOn!.Value)} ist gespeichert.");
    }

    public async Task<IActionResult> OnPostPropose(Guid id, Guid refusalId)
    {
        if (!await Load(id, refusalId)) return NotFound();
        var reasoning = Propose.Reasoning?.Trim() ?? "";
        var ok = await Try(c => c.ProposeSanctionAsync(id, IdempotencyKey("proposal", refusalId, reasoning), ETag,
            new ProposeSanctionRequest { RefusalId = refusalId, Reasoning = reasoning }), "Propose", new Dictionary<string, string>
        {
            ["sanction-preconditions"] = "Reasoning", ["already-proposed"] = "Reasoning", ["refusal-not-found"] = "Reasoning",
        });
        if (!ok) return Page();
        return BackTo("/Placements/Refusals/Details", new { id, refusalId }, "Der Vorschlag zur Leistungseinschränkung ist gespeichert und wartet auf die Entscheidung.");
    }


    private async Task<bool> Load(Guid id, Guid refusalId)
    {
        var api = await Api();
        Placement = Shown(await api.Tagged(c => c.GetPlacementAsync(id)));
        // A post sends back the version it was shown; a new page shows the current one.
        Person = await api.GetPersonAsync(Placement.PersonId, null);
        var refusal = Placement.Refusals.FirstOrDefault(r => r.RefusalId == refusalId);
        if (refusal is null) return false;
        Refusal = refusal;
        Proposal = Placement.SanctionProposals.FirstOrDefault(p => p.RefusalId == refusalId);
        Steps = new RefusalStepsModel(0, refusal.Assessment is not null, refusal.Hearing is not null, Proposal is not null,
            refusal.Assessment?.GoodCause == true);
        return true;
    }
}
