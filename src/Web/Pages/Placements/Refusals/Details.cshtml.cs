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
        /// <summary>Heard orally and face to face: the only hearing allowed on the refusal day itself.</summary>
        public bool InPerson { get; set; }
    }

    public sealed class ProposeInput
    {
        public string? Reasoning { get; set; }
    }

    public sealed class InviteInput
    {
        public DateOnly? InvitedOn { get; set; }
        public HearingForm? Form { get; set; }
        public HearingDelivery? Delivery { get; set; }
        public DateOnly? Deadline { get; set; }
        public string? Language { get; set; }
        public bool Interpreter { get; set; }
    }

    public sealed class ReassessInput
    {
        /// <summary>"no" or "yes": the radio buttons' values.</summary>
        public string? GoodCause { get; set; }
        public string? Reason { get; set; }
        public string? Reasoning { get; set; }
    }

    [BindProperty] public AssessInput Assess { get; set; } = new();
    [BindProperty] public HearingInput Hearing { get; set; } = new();
    [BindProperty] public ProposeInput Propose { get; set; } = new();
    [BindProperty] public InviteInput Invite { get; set; } = new();
    [BindProperty] public ReassessInput Reassess { get; set; } = new();

    /// <summary>The refusal's own entries of the person's history (null where the role reads no history).</summary>
    public IReadOnlyList<HistoryEntryDto>? History { get; private set; }

    /// <summary>Invitation, hearing and reassessment are for caseworkers and officials (contract v3a, roles table).</summary>
    public bool MayAct => User.Is(Roles.Caseworker, Roles.Official);

    /// <summary>Assessment, hearing and proposal are the caseworker's alone (the API refuses everyone else): no form for others.</summary>
    public bool IsCaseworker => User.Is(Roles.Caseworker);

    /// <summary>An approved restriction closes the refusal to a new assessment (the objection's business then).</summary>
    public bool Approved => Proposal?.Status is ProposalStatus.Approved;

    public bool CanInvite => MayAct && Refusal.Assessment is { GoodCause: false } && Refusal.HearingInvitation is null && Refusal.Hearing is null
        && Proposal is null;

    /// <summary>A statement is recorded whenever it comes, also after the deadline, until the decision.</summary>
    public bool CanRecordHearing => Refusal.Assessment is { GoodCause: false } && Refusal.Hearing is null
        && (Proposal is null || Proposal.Status == ProposalStatus.Pending);

    public bool CanReassess => MayAct && Refusal.Assessment is not null && (Refusal.Hearing is not null || Refusal.HearingInvitation is not null)
        && !Approved;

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
        Invite.InvitedOn = Today;
        Invite.Delivery = HearingDelivery.Post;
        Invite.Language = "de";
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
            new RefusalAssessmentRequest { GoodCause = goodCause, Reason = Labels.ExemptionReason.Parse(reason), Reasoning = reasoning }), "Assess", new Dictionary<string, string>
        {
            ["not-obliged-on-refusal-date"] = "GoodCause", ["already-assessed"] = "GoodCause",
        });
        if (!ok) return Page();
        return BackTo("/Placements/Refusals/Details", new { id, refusalId }, goodCause
            ? "Die Bewertung ist gespeichert: Ein wichtiger Grund liegt vor. Ein Vorschlag zur Anspruchseinschränkung ist nicht möglich."
            : "Die Bewertung ist gespeichert: kein wichtiger Grund. Als Nächstes: die Anhörung.");
    }

    public async Task<IActionResult> OnPostHearing(Guid id, Guid refusalId)
    {
        if (!await Load(id, refusalId)) return NotFound();
        if (Hearing.HeldOn is null) ModelState.AddModelError("Hearing.HeldOn", "Bitte das Datum der Anhörung angeben.");
        if (string.IsNullOrWhiteSpace(Hearing.Statement))
            ModelState.AddModelError("Hearing.Statement", "Bitte die Äußerung eintragen; hat sich die Person nicht geäußert: „keine Äußerung“.");
        if (!ModelState.IsValid) return Page();
        var statement = Hearing.Statement!.Trim();
        var ok = await Try(c => c.HoldHearingAsync(id, refusalId, IdempotencyKey("hearing", Hearing.HeldOn!.Value, statement + Hearing.InPerson), ETag,
            new HoldHearingRequest
            {
                HeldOn = Hearing.HeldOn!.Value, Statement = statement,
                Form = Hearing.InPerson ? HearingForm.Oral : null, HeldInPerson = Hearing.InPerson ? true : null,
            }), "Hearing", new Dictionary<string, string>
        {
            ["hearing-before-refusal"] = "HeldOn", ["date-in-future"] = "HeldOn", ["already-heard"] = "HeldOn", ["hearing-on-refusal-day"] = "HeldOn",
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
            ["sanction-preconditions"] = "Reasoning", ["hearing-deadline-running"] = "Reasoning", ["already-proposed"] = "Reasoning", ["refusal-not-found"] = "Reasoning",
        });
        if (!ok) return Page();
        return BackTo("/Placements/Refusals/Details", new { id, refusalId }, "Der Vorschlag zur Anspruchseinschränkung ist gespeichert und wartet auf die Entscheidung.");
    }

    public async Task<IActionResult> OnPostInvite(Guid id, Guid refusalId)
    {
        if (!await Load(id, refusalId)) return NotFound();
        if (Invite.InvitedOn is null) ModelState.AddModelError("Invite.InvitedOn", "Bitte den Tag der Einladung angeben.");
        if (Invite.Form is null) ModelState.AddModelError("Invite.Form", "Bitte wählen: schriftlich oder mündlich.");
        if (Invite.Deadline is null) ModelState.AddModelError("Invite.Deadline", "Bitte die Frist zur Äußerung angeben.");
        if (string.IsNullOrEmpty(Invite.Language)) ModelState.AddModelError("Invite.Language", "Bitte die Sprache der Einladung wählen.");
        if (!ModelState.IsValid) return Page();
        var delivery = Invite.Delivery ?? HearingDelivery.Post;
        var ok = await Try(c => c.InviteToHearingAsync(id, refusalId,
            IdempotencyKey("invitation", Invite.InvitedOn!.Value, Invite.Form!.Value, Invite.Deadline!.Value, Invite.Language!, Invite.Interpreter, delivery), ETag,
            new InviteToHearingRequest
            {
                InvitedOn = Invite.InvitedOn!.Value, Form = Invite.Form!.Value, Deadline = Invite.Deadline!.Value, Language = Invite.Language!,
                Interpreter = Invite.Interpreter, Delivery = delivery,
            }), "Invite", new Dictionary<string, string>
        {
            ["deadline-too-short"] = "Deadline", ["already-invited"] = "InvitedOn", ["date-in-future"] = "InvitedOn",
            ["invitation-before-refusal"] = "InvitedOn",
        });
        if (!ok) return Page();
        return BackTo("/Placements/Refusals/Details", new { id, refusalId },
            $"Die Einladung zur Anhörung ist gespeichert. Die Person kann sich bis zum {Format.Date(Invite.Deadline!.Value)} äußern.");
    }

    public async Task<IActionResult> OnPostReassess(Guid id, Guid refusalId)
    {
        if (!await Load(id, refusalId)) return NotFound();
        if (Reassess.GoodCause is not ("yes" or "no"))
            ModelState.AddModelError("Reassess.GoodCause", "Bitte wählen: liegt nach der Anhörung ein wichtiger Grund vor?");
        if (!ModelState.IsValid) return Page();
        var goodCause = Reassess.GoodCause == "yes";
        var reason = goodCause && !string.IsNullOrEmpty(Reassess.Reason) ? Reassess.Reason : null;
        var reasoning = Reassess.Reasoning?.Trim() ?? "";
        var ok = await Try(c => c.ReassessRefusalAsync(id, refusalId, IdempotencyKey("reassessment", goodCause, reason ?? "", reasoning), ETag,
            new RefusalAssessmentRequest { GoodCause = goodCause, Reason = Labels.ExemptionReason.Parse(reason), Reasoning = reasoning }), "Reassess",
            new Dictionary<string, string>
            {
                ["not-obliged-on-refusal-date"] = "GoodCause", ["not-assessed"] = "GoodCause", ["hearing-required"] = "GoodCause",
                ["already-decided"] = "GoodCause",
            });
        if (!ok) return Page();
        return BackTo("/Placements/Refusals/Details", new { id, refusalId }, goodCause
            ? "Die neue Bewertung ist gespeichert: Nach der Anhörung liegt ein wichtiger Grund vor. Eine Anspruchseinschränkung ist nicht möglich."
            : "Die neue Bewertung ist gespeichert: Auch nach der Anhörung liegt kein wichtiger Grund vor.");
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
            refusal.Assessment?.GoodCause == true, refusal.HearingInvitation?.Deadline, Today);
        try
        {
            History = HistoryFacts.AboutRefusal((await api.GetPersonHistoryAsync(Placement.PersonId, null, null, null)).Entries, refusalId);
        }
        catch (AghApiException e) when (e.StatusCode == 403)
        {
            // Officials read the placement but not the person's history: the page works without the refusal's log.
            History = null;
        }
        return true;
    }
}
