using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Placements;

/// <summary>
/// The Widerspruch against the Heranziehungsbescheid (§§ 84, 86a SGG): recorded by the caseworker or the official; the
/// official orders immediate enforcement and decides it; the Klage after a dismissal and its end. The API decides every
/// rule; its refusals appear in German at the field concerned and the form keeps what was typed.
/// </summary>
public sealed class ObjectionModel : CommandPage
{
    public sealed class FileInput
    {
        public DateOnly? ReceivedOn { get; set; }
        public string? Statement { get; set; }
    }

    public sealed class EnforcementInput
    {
        public string? Reasoning { get; set; }
    }

    public sealed class DecisionInput
    {
        public PlacementObjectionOutcome? Outcome { get; set; }
        public PlacementObjectionCosts? Costs { get; set; }
        public string? Reasoning { get; set; }
    }

    public sealed class LawsuitInput
    {
        public DateOnly? FiledOn { get; set; }
        public string? Court { get; set; }
        public string? FileNumber { get; set; }
    }

    public sealed class LawsuitEndInput
    {
        public LawsuitOutcome? Outcome { get; set; }
        public DateOnly? On { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public FileInput Record { get; set; } = new();
    [BindProperty] public EnforcementInput Enforce { get; set; } = new();
    [BindProperty] public DecisionInput Decision { get; set; } = new();
    [BindProperty] public LawsuitInput Lawsuit { get; set; } = new();
    [BindProperty] public LawsuitEndInput LawsuitEnd { get; set; } = new();

    /// <summary>The form that was sent and refused: its error summary shows, the others stay quiet.</summary>
    public string? Active { get; private set; }

    public PlacementDto Placement { get; private set; } = null!;
    public PersonDto Person { get; private set; } = null!;
    public PlacementObjectionView View { get; private set; } = null!;

    public string PersonName => $"{Person.GivenName} {Person.FamilyName}";

    // The roles of the contract's table: recording and the lawsuit for caseworkers and officials, the rest for officials.
    public bool CanRecord => User.Is(Roles.Caseworker, Roles.Official);
    public bool IsOfficial => User.Is(Roles.Official);
    public bool CanFile => CanRecord && View.Objection is null;
    public bool CanEnforce => IsOfficial && View.ProceedingRuns && View.Enforcement is null;
    public bool CanDecide => IsOfficial && View.Pending;
    public bool CanFileLawsuit => CanRecord && View.Objection?.Status == PlacementObjectionStatus.Dismissed && View.Lawsuit is null;
    public bool CanEndLawsuit => CanRecord && View.LawsuitPending;

    public async Task OnGet()
    {
        Record.ReceivedOn = Today;
        LawsuitEnd.On = Today;
        await Load();
    }

    /// <summary>A notice about this placement (PDF), streamed from the API with the staff member's token.</summary>
    public Task<IActionResult> OnGetNoticePdf(Guid noticeId) =>
        ApiFiles.Relay(this, $"api/notices/{noticeId}/pdf", "application/pdf", $"bescheid-{noticeId:N}.pdf", inline: true);

    public async Task<IActionResult> OnPostRecord()
    {
        Active = "record";
        if (Record.ReceivedOn is null) ModelState.AddModelError("Record.ReceivedOn", "Bitte das Eingangsdatum angeben.");
        if (string.IsNullOrWhiteSpace(Record.Statement)) ModelState.AddModelError("Record.Statement", "Bitte den Inhalt des Widerspruchs angeben.");
        if (ModelState.IsValid && await Try(c => c.FilePlacementObjectionAsync(Id, IdempotencyKey("objection", Record.ReceivedOn, Record.Statement), ETag,
                new ReceivedStatementRequest { ReceivedOn = Record.ReceivedOn!.Value, Statement = Record.Statement!.Trim() }), "Record",
                new Dictionary<string, string> { ["date-in-future"] = "ReceivedOn", ["objection-before-issue"] = "ReceivedOn" }))
            return BackTo("/Placements/Objection", new { id = Id }, "Der Widerspruch gegen den Heranziehungsbescheid ist erfasst.");
        return await Again();
    }

    public async Task<IActionResult> OnPostEnforce()
    {
        Active = "enforce";
        if (string.IsNullOrWhiteSpace(Enforce.Reasoning)) ModelState.AddModelError("Enforce.Reasoning", "Bitte das besondere Interesse an der sofortigen Vollziehung schriftlich begründen.");
        // The order issues a notice of its own: nothing binding by accident (issue 20), so the summary comes first.
        if (ModelState.IsValid && !Confirmed("sofortige Vollziehung anordnen", "Jetzt verbindlich anordnen", "Enforce",
            [
                new("Person", await PersonNameFor(await Api())),
                new("Anordnung", "sofortige Vollziehung des Heranziehungsbescheids (§ 86a Abs. 2 Nr. 5 SGG): die Pflicht gilt wieder ab der Bekanntgabe der Anordnung"),
                new("Begründung des besonderen Interesses", Enforce.Reasoning, InNotice: true),
            ], "Die Anordnung ist ein eigener Bescheid an die Person; die Begründung erscheint darin wörtlich."))
            return await Again();
        if (ModelState.IsValid && await Try(c => c.OrderImmediateEnforcementAsync(Id, IdempotencyKey("enforce", Enforce.Reasoning), ETag,
                new OrderImmediateEnforcementRequest { Reasoning = Enforce.Reasoning!.Trim() }), "Enforce"))
            return BackTo("/Placements/Objection", new { id = Id }, "Die sofortige Vollziehung ist angeordnet. Die Anordnung ist ein eigener Bescheid: bitte bekannt geben.");
        return await Again();
    }

    public async Task<IActionResult> OnPostDecide()
    {
        Active = "decide";
        if (Decision.Outcome is null) ModelState.AddModelError("Decision.Outcome", "Bitte wählen Sie: stattgeben oder zurückweisen.");
        if (string.IsNullOrWhiteSpace(Decision.Reasoning)) ModelState.AddModelError("Decision.Reasoning", "Bitte die Entscheidung begründen.");
        if (ModelState.IsValid && !Confirmed("über den Widerspruch gegen die Heranziehung entscheiden", "Jetzt verbindlich entscheiden", "Decide",
            [
                new("Entscheidung", Labels.PlacementObjectionOutcome.Text(Decision.Outcome!.Value)),
                new("Kosten", Decision.Costs is { } costs ? Labels.PlacementObjectionCosts.Text(costs) : null),
                new("Begründung", Decision.Reasoning, InNotice: true),
            ], "Die Entscheidung erzeugt den Abhilfe- oder Widerspruchsbescheid; die Begründung erscheint darin wörtlich."))
            return await Again();
        if (ModelState.IsValid && await Try(c => c.DecidePlacementObjectionAsync(Id, IdempotencyKey("decide", Decision.Outcome, Decision.Costs, Decision.Reasoning), ETag,
                new DecidePlacementObjectionRequest { Outcome = Decision.Outcome!.Value, Costs = Decision.Costs, Reasoning = Decision.Reasoning!.Trim() }), "Decision"))
            return BackTo("/Placements/Objection", new { id = Id }, Decision.Outcome == PlacementObjectionOutcome.Upheld
                ? "Dem Widerspruch ist stattgegeben: die Arbeitsgelegenheit ist beendet, darauf beruhende Einschränkungen sind aufgehoben."
                : "Der Widerspruch ist zurückgewiesen (Widerspruchsbescheid).");
        return await Again();
    }

    public async Task<IActionResult> OnPostLawsuit()
    {
        Active = "lawsuit";
        if (Lawsuit.FiledOn is null) ModelState.AddModelError("Lawsuit.FiledOn", "Bitte angeben, wann die Klage erhoben wurde.");
        if (string.IsNullOrWhiteSpace(Lawsuit.Court)) ModelState.AddModelError("Lawsuit.Court", "Bitte das Gericht angeben.");
        if (string.IsNullOrWhiteSpace(Lawsuit.FileNumber)) ModelState.AddModelError("Lawsuit.FileNumber", "Bitte das Aktenzeichen des Gerichts angeben.");
        if (ModelState.IsValid && await Try(c => c.FileLawsuitAsync(Id, IdempotencyKey("lawsuit", Lawsuit.FiledOn, Lawsuit.Court, Lawsuit.FileNumber), ETag,
                new FileLawsuitRequest { FiledOn = Lawsuit.FiledOn!.Value, Court = Lawsuit.Court!.Trim(), FileNumber = Lawsuit.FileNumber!.Trim() }), "Lawsuit",
                new Dictionary<string, string> { ["date-in-future"] = "FiledOn", ["lawsuit-before-notice"] = "FiledOn" }))
            return BackTo("/Placements/Objection", new { id = Id }, "Die Klage ist erfasst.");
        return await Again();
    }

    public async Task<IActionResult> OnPostLawsuitEnd()
    {
        Active = "lawsuit-end";
        if (LawsuitEnd.Outcome is null) ModelState.AddModelError("LawsuitEnd.Outcome", "Bitte wählen Sie, wie das Klageverfahren endete.");
        if (LawsuitEnd.On is null) ModelState.AddModelError("LawsuitEnd.On", "Bitte das Datum angeben.");
        if (ModelState.IsValid && await Try(c => c.EndLawsuitAsync(Id, IdempotencyKey("lawsuit-end", LawsuitEnd.Outcome, LawsuitEnd.On), ETag,
                new EndLawsuitRequest { Outcome = LawsuitEnd.Outcome!.Value, On = LawsuitEnd.On!.Value }), "LawsuitEnd",
                new Dictionary<string, string> { ["date-in-future"] = "On", ["end-before-start"] = "On" }))
            return BackTo("/Placements/Objection", new { id = Id }, $"Das Ende des Klageverfahrens ist erfasst: {Labels.LawsuitOutcome.Text(LawsuitEnd.Outcome!.Value)}.");
        return await Again();
    }

    private async Task<string> PersonNameFor(AghClient api)
    {
        var placement = await api.GetPlacementAsync(Id);
        var person = await api.GetPersonAsync(placement.PersonId, null);
        return $"{person.GivenName} {person.FamilyName} ({person.FileReference})";
    }

    /// <summary>A refused form: the page again with what was typed, the placement as it stands now, the ETag that was sent.</summary>
    private async Task<IActionResult> Again()
    {
        await Load();
        return Page();
    }

    private async Task Load()
    {
        var api = await Api();
        Placement = Shown(await api.Tagged(c => c.GetPlacementAsync(Id)));
        Person = await api.GetPersonAsync(Placement.PersonId, null);
        View = await PlacementObjectionView.Load(api, Placement, Today);
    }
}
