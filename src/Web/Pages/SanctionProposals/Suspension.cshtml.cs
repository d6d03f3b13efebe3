using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.SanctionProposals;

/// <summary>
/// A restriction suspended by a court (§ 86b SGG) or by the authority (§ 86a Abs. 3 SGG), and the end of that suspension:
/// reinstated or withdrawn. The official's task (contract roles); the API decides every rule.
/// </summary>
public sealed class SuspensionModel : CommandPage
{
    public sealed class SuspendInput
    {
        public SuspensionKind? Kind { get; set; }
        public SuspensionScope? Scope { get; set; }
        public string? Court { get; set; }
        public string? FileNumber { get; set; }
        public DateOnly? DecidedOn { get; set; }
        public DateOnly? From { get; set; }
        public string? Note { get; set; }
    }

    public sealed class EndInput
    {
        public SuspensionOutcome? Outcome { get; set; }
        public DateOnly? On { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public SuspendInput Suspend { get; set; } = new();
    [BindProperty] public EndInput End { get; set; } = new();

    public string? Active { get; private set; }
    public SanctionProposalDto Proposal { get; private set; } = null!;
    public PersonDto? Person { get; private set; }
    public string PersonName => Person is { } p ? $"{p.GivenName} {p.FamilyName}" : "(Person nicht lesbar)";

    public bool IsOfficial => User.Is(Roles.Official);
    public bool CanSuspend => IsOfficial && Proposal.Restriction?.Status is RestrictionStatus.InForce or RestrictionStatus.AwaitingNotification;
    public bool CanEnd => IsOfficial && Proposal.Restriction?.Status == RestrictionStatus.Suspended;

    public async Task OnGet()
    {
        Suspend.DecidedOn = Today;
        Suspend.From = Today;
        End.On = Today;
        await Load();
    }

    public async Task<IActionResult> OnPostSuspend()
    {
        Active = "suspend";
        if (Suspend.Kind is null) ModelState.AddModelError("Suspend.Kind", "Bitte wählen Sie, wer die Vollziehung ausgesetzt hat.");
        if (Suspend.DecidedOn is null) ModelState.AddModelError("Suspend.DecidedOn", "Bitte das Datum der Entscheidung angeben.");
        if (Suspend.From is null) ModelState.AddModelError("Suspend.From", "Bitte angeben, ab wann ausgesetzt ist.");
        if (string.IsNullOrWhiteSpace(Suspend.Note)) ModelState.AddModelError("Suspend.Note", "Bitte einen Vermerk eintragen.");
        if (ModelState.IsValid && await Try(c => c.SuspendRestrictionAsync(Id,
                IdempotencyKey("suspend", Suspend.Kind, Suspend.Scope, Suspend.Court, Suspend.FileNumber, Suspend.DecidedOn, Suspend.From, Suspend.Note), ETag,
                new SuspendRestrictionRequest
                {
                    Kind = Suspend.Kind!.Value,
                    Scope = Suspend.Scope,
                    Court = string.IsNullOrWhiteSpace(Suspend.Court) ? null : Suspend.Court.Trim(),
                    FileNumber = string.IsNullOrWhiteSpace(Suspend.FileNumber) ? null : Suspend.FileNumber.Trim(),
                    DecidedOn = Suspend.DecidedOn!.Value,
                    From = Suspend.From!.Value,
                    Note = Suspend.Note!.Trim(),
                }), "Suspend", new Dictionary<string, string> { ["date-in-future"] = "DecidedOn", ["end-before-start"] = "From" }))
            return BackTo("/SanctionProposals/Detail", new { id = Id }, "Die Einschränkung ist ausgesetzt.");
        return await Again();
    }

    public async Task<IActionResult> OnPostEnd()
    {
        Active = "end";
        if (End.Outcome is null) ModelState.AddModelError("End.Outcome", "Bitte wählen Sie: wieder in Kraft oder aufgehoben.");
        if (End.On is null) ModelState.AddModelError("End.On", "Bitte das Datum angeben.");
        if (string.IsNullOrWhiteSpace(End.Note)) ModelState.AddModelError("End.Note", "Bitte einen Vermerk eintragen.");
        if (ModelState.IsValid && await Try(c => c.EndRestrictionSuspensionAsync(Id, IdempotencyKey("end", End.Outcome, End.On, End.Note), ETag,
                new EndSuspensionRequest { Outcome = End.Outcome!.Value, On = End.On!.Value, Note = End.Note!.Trim() }), "End",
                new Dictionary<string, string> { ["date-in-future"] = "On", ["end-before-start"] = "On" }))
            return BackTo("/SanctionProposals/Detail", new { id = Id }, End.Outcome == SuspensionOutcome.Reinstated
                ? "Die Aussetzung ist beendet: die Einschränkung ist wieder in Kraft."
                : "Die Aussetzung ist beendet: die Einschränkung ist aufgehoben.");
        return await Again();
    }

    private async Task<IActionResult> Again()
    {
        await Load();
        return Page();
    }

    private async Task Load()
    {
        var api = await Api();
        Proposal = Shown(await api.Tagged(c => c.GetSanctionProposalAsync(Id)));
        Person = await OptionalRead.Of(() => api.GetPersonAsync(Proposal.PersonId, null));
    }
}
