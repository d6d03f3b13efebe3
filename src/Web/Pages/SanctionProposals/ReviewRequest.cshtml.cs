using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.SanctionProposals;

/// <summary>
/// The person's application for review of a restriction (§ 44 SGB X i. V. m. § 9 Abs. 4 AsylbLG), also of an expired or
/// unappealable one: recorded by the caseworker or the official, decided by an official other than the one who approved
/// the restriction (four-eyes, the API's rule).
/// </summary>
public sealed class ReviewRequestModel : CommandPage
{
    public sealed class FileInput
    {
        public DateOnly? ReceivedOn { get; set; }
        public string? Statement { get; set; }
    }

    public sealed class DecideInput
    {
        public ReviewRequestOutcome? Outcome { get; set; }
        public string? Reasoning { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public FileInput Filing { get; set; } = new();
    [BindProperty] public DecideInput Decide { get; set; } = new();

    public string? Active { get; private set; }
    public SanctionProposalDto Proposal { get; private set; } = null!;
    public PersonDto? Person { get; private set; }
    public string PersonName => Person is { } p ? $"{p.GivenName} {p.FamilyName}" : "(Person nicht lesbar)";

    public bool IsOfficial => User.Is(Roles.Official);
    public bool Approver => Proposal.DecidedBy == User.UserId();
    public bool CanFile => User.Is(Roles.Caseworker, Roles.Official) && Proposal.Restriction is { } r
        && r.Status != RestrictionStatus.Withdrawn && r.ReviewRequest is not { Outcome: null };
    public bool CanDecide => IsOfficial && Proposal.Restriction?.ReviewRequest is { Outcome: null };

    public async Task OnGet()
    {
        Filing.ReceivedOn = Today;
        await Load();
    }

    public async Task<IActionResult> OnPostFile()
    {
        Active = "file";
        if (Filing.ReceivedOn is null) ModelState.AddModelError("Filing.ReceivedOn", "Bitte das Eingangsdatum angeben.");
        if (string.IsNullOrWhiteSpace(Filing.Statement)) ModelState.AddModelError("Filing.Statement", "Bitte den Inhalt des Antrags angeben.");
        if (ModelState.IsValid && await Try(c => c.FileReviewRequestAsync(Id, IdempotencyKey("review-request", Filing.ReceivedOn, Filing.Statement), ETag,
                new ReceivedStatementRequest { ReceivedOn = Filing.ReceivedOn!.Value, Statement = Filing.Statement!.Trim() }), "Filing",
                new Dictionary<string, string> { ["date-in-future"] = "ReceivedOn" }))
            return BackTo("/SanctionProposals/ReviewRequest", new { id = Id }, "Der Überprüfungsantrag ist erfasst.");
        return await Again();
    }

    public async Task<IActionResult> OnPostDecide()
    {
        Active = "decide";
        if (Decide.Outcome is null) ModelState.AddModelError("Decide.Outcome", "Bitte wählen Sie: aufheben oder ablehnen.");
        if (string.IsNullOrWhiteSpace(Decide.Reasoning)) ModelState.AddModelError("Decide.Reasoning", "Bitte die Entscheidung begründen.");
        if (ModelState.IsValid && await Try(c => c.DecideReviewRequestAsync(Id, IdempotencyKey("review-decision", Decide.Outcome, Decide.Reasoning), ETag,
                new DecideReviewRequestRequest { Outcome = Decide.Outcome!.Value, Reasoning = Decide.Reasoning!.Trim() }), "Decide"))
            return BackTo("/SanctionProposals/ReviewRequest", new { id = Id }, Decide.Outcome == ReviewRequestOutcome.Withdrawn
                ? "Die Einschränkung ist aufgehoben (Aufhebungsbescheid); die einbehaltenen Leistungen werden nachgezahlt."
                : "Der Überprüfungsantrag ist abgelehnt.");
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
