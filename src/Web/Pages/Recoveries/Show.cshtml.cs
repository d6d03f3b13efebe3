using System.ComponentModel.DataAnnotations;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Recoveries;

/// <summary>One recovery and its next step: the hearing (caseworker), the decision by another person (official), a Widerspruch.</summary>
public sealed class ShowModel : CommandPage
{
    public sealed class HearingInput
    {
        [Required(ErrorMessage = "Bitte den Tag der Anhörung angeben.")] public DateOnly? HeldOn { get; set; }
        [Required(ErrorMessage = "Bitte die Äußerung der Person festhalten (oder „keine Äußerung“).")]
        [StringLength(4000, ErrorMessage = "Bitte höchstens 4000 Zeichen.")] public string? Statement { get; set; }
    }

    public sealed class DecisionInput
    {
        [Required(ErrorMessage = "Bitte zurückfordern oder verzichten wählen.")] public RecoveryOutcome? Outcome { get; set; }
        [Required(ErrorMessage = "Bitte die Entscheidung begründen; die Begründung steht im Erstattungsbescheid.")]
        [StringLength(4000, ErrorMessage = "Bitte höchstens 4000 Zeichen.")] public string? Reasoning { get; set; }
    }

    public sealed class ObjectionInput
    {
        [Required(ErrorMessage = "Bitte den Eingang des Widerspruchs angeben.")] public DateOnly? ReceivedOn { get; set; }
        [Required(ErrorMessage = "Bitte den Inhalt des Widerspruchs festhalten.")]
        [StringLength(4000, ErrorMessage = "Bitte höchstens 4000 Zeichen.")] public string? Statement { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public HearingInput Hearing { get; set; } = new();
    [BindProperty] public DecisionInput Decision { get; set; } = new();
    [BindProperty] public ObjectionInput Objection { get; set; } = new();

    public RecoveryDto Recovery { get; private set; } = null!;
    public PersonDto? Person { get; private set; }

    /// <summary>Which form was sent: only its errors are shown.</summary>
    public string? Active { get; private set; }

    public bool MayHear => Recovery.Status == RecoveryStatus.Open && User.Is(Roles.Caseworker);
    public bool MayDecide => Recovery.Status == RecoveryStatus.Heard && User.Is(Roles.Official);
    public bool MayFileObjection => Recovery.Status == RecoveryStatus.Decided && Recovery.ObjectionReceivedOn is null && User.Is(Roles.Caseworker, Roles.Official);
    public string PersonName => Person is { } p ? $"{p.GivenName} {p.FamilyName}" : "(Person nicht lesbar)";

    public async Task OnGet()
    {
        await Load();
        Hearing.HeldOn = Today;
        Objection.ReceivedOn = Today;
    }

    public async Task<IActionResult> OnPostHearing()
    {
        Active = "hearing";
        if (Valid(Hearing, nameof(Hearing)))
        {
            var body = new HearRecoveryRequest { HeldOn = Hearing.HeldOn!.Value, Statement = Hearing.Statement!.Trim() };
            if (await Try(c => c.HearRecoveryAsync(Id, IdempotencyKey("hearing", body.HeldOn, body.Statement), body), nameof(Hearing),
                    new Dictionary<string, string> { ["date-in-future"] = "HeldOn", ["hearing-before-opening"] = "HeldOn" }))
                return BackTo("/Recoveries/Show", new { id = Id }, "Die Anhörung ist erfasst. Entscheiden muss nun eine andere Person (Amtsleitung).");
        }
        await Load();
        return Page();
    }

    public async Task<IActionResult> OnPostDecision()
    {
        Active = "decision";
        if (Valid(Decision, nameof(Decision)))
        {
            var body = new DecideRecoveryRequest { Outcome = Decision.Outcome!.Value, Reasoning = Decision.Reasoning!.Trim() };
            if (await Try(c => c.DecideRecoveryAsync(Id, IdempotencyKey("decision", body.Outcome, body.Reasoning), body), nameof(Decision)))
                return BackTo("/Recoveries/Show", new { id = Id }, body.Outcome == RecoveryOutcome.Recover
                    ? "Die Rückforderung ist entschieden; der Erstattungsbescheid ist erstellt und muss noch versandt werden."
                    : "Auf die Erstattung wird verzichtet.");
        }
        await Load();
        return Page();
    }

    public async Task<IActionResult> OnPostObjection()
    {
        Active = "objection";
        if (Valid(Objection, nameof(Objection)))
        {
            var body = new FileRecoveryObjectionRequest { ReceivedOn = Objection.ReceivedOn!.Value, Statement = Objection.Statement!.Trim() };
            if (await Try(c => c.FileRecoveryObjectionAsync(Id, IdempotencyKey("objection", body.ReceivedOn, body.Statement), body), nameof(Objection),
                    new Dictionary<string, string> { ["date-in-future"] = "ReceivedOn", ["objection-before-issue"] = "ReceivedOn" }))
                return BackTo("/Recoveries/Show", new { id = Id }, "Der Widerspruch ist erfasst; die Einziehung ist ausgesetzt (§ 86a Abs. 1 SGG).");
        }
        await Load();
        return Page();
    }

    /// <summary>
    /// Only the form that was sent is validated: the binder also fills the other forms (from unprefixed names), whose
    /// empty fields are no errors.
    /// </summary>
    private bool Valid(object input, string prefix)
    {
        ModelState.Clear();
        return TryValidateModel(input, prefix);
    }

    private async Task Load()
    {
        var api = await Api();
        Recovery = await api.GetRecoveryAsync(Id);
        Person = (await PersonNames.Load(api, [Recovery.PersonId])).GetValueOrDefault(Recovery.PersonId);
    }
}
