using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace AGH.Web.Pages.SanctionProposals;

/// <summary>
/// One sanction proposal with its decision, restriction and objection, and the forms the signed-in role may use on it.
/// The API decides every rule (four-eyes, dates, overlaps, hearings); its refusals appear in German at the field concerned.
/// </summary>
public sealed class DetailModel : CommandPage
{
    public sealed class DecideInput : TermsInput
    {
        public bool? Approved { get; set; }
        public string? Reasoning { get; set; }
        public DateOnly? StartsOn { get; set; }
    }

    /// <summary>What an approval and a continuation decide besides the period (contract v3b): amounts in EUR, hardship, approval notice.</summary>
    public class TermsInput
    {
        public string? MonthlyBefore { get; set; }
        public string? MonthlyAfter { get; set; }
        public bool Considered { get; set; }

        /// <summary>One granted benefit per line.</summary>
        public string? Granted { get; set; }
        public string? HardshipReasoning { get; set; }
        public DateOnly? ApprovalNoticeDate { get; set; }
        public RevocationBasis? Basis { get; set; }
        public string? DiscretionReasoning { get; set; }
    }

    public sealed class ObjectionInput
    {
        public DateOnly? ReceivedOn { get; set; }
        public string? Statement { get; set; }
        public int? Period { get; set; }
    }

    public sealed class ObjectionDecisionInput
    {
        public ObjectionOutcome? Outcome { get; set; }
        public PlacementObjectionCosts? Costs { get; set; }
        public DateOnly? NewStartsOn { get; set; }
        public DateOnly? NewEndsOn { get; set; }
        public string? Reasoning { get; set; }
    }

    public sealed class EndInput
    {
        public DateOnly? Date { get; set; }
        public RestrictionEndReason? Reason { get; set; }
        public string? Reasoning { get; set; }
    }

    public sealed class ReviewInput : TermsInput
    {
        public bool? Continue { get; set; }
        public string? Reasoning { get; set; }
        public DateOnly? HearingHeldOn { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public DecideInput Decide { get; set; } = new();
    [BindProperty] public ObjectionInput Objection { get; set; } = new();
    [BindProperty] public ObjectionDecisionInput ObjectionDecision { get; set; } = new();
    [BindProperty] public EndInput End { get; set; } = new();
    [BindProperty] public ReviewInput Review { get; set; } = new();

    /// <summary>The form that was sent and refused: its error summary shows, the others stay quiet.</summary>
    public string? Active { get; private set; }

    public SanctionProposalDto Proposal { get; private set; } = null!;
    public PersonDto? Person { get; private set; }
    public PlacementDto? Placement { get; private set; }
    public RefusalDto? Refusal => Placement?.Refusals.FirstOrDefault(r => r.RefusalId == Proposal.RefusalId);

    public bool IsOfficial => User.Is(Roles.Official);

    /// <summary>The ISO week of the refusal (the hours page's week parameter), so the hours around it are one click away.</summary>
    public string? RefusalWeek => Refusal is { } r
        ? $"{System.Globalization.ISOWeek.GetYear(r.Date.ToDateTime(TimeOnly.MinValue))}-W{System.Globalization.ISOWeek.GetWeekOfYear(r.Date.ToDateTime(TimeOnly.MinValue)):00}"
        : null;
    public bool Mine => Proposal.ProposedBy == User.UserId();
    public bool CanDecide => IsOfficial && Proposal.Status == ProposalStatus.Pending;
    public bool CanFileObjection => User.Is(Roles.Official, Roles.Caseworker) && Proposal.Status == ProposalStatus.Approved
        && (Proposal.Objection is null || OpenPeriods.Count > 0);

    /// <summary>A continued restriction's periods (contract v3a): an objection may be filed against each one.</summary>
    public bool HasPeriods => Proposal.Restriction?.Periods.Count > 1;

    /// <summary>The periods without an objection yet, when the restriction has more than one.</summary>
    public IReadOnlyList<RestrictionPeriodDto> OpenPeriods => HasPeriods
        ? Proposal.Restriction!.Periods.Where(p => Proposal.Objections.All(o => o.Period != p.N)).ToList()
        : [];
    public bool CanDecideObjection => IsOfficial && Proposal.Objection?.Status == ObjectionStatus.Pending;
    public bool CanEndOrReview => IsOfficial && Proposal.Restriction?.Status == RestrictionStatus.InForce;
    public string PersonName => Person is { } p ? $"{p.GivenName} {p.FamilyName}" : "(Person nicht lesbar)";

    public async Task OnGet()
    {
        Decide.StartsOn = Today.AddDays(1);
        Objection.ReceivedOn = Today;
        End.Date = Today;
        await Load();
    }

    /// <summary>The decision notice (PDF) streamed from the API with the staff member's token.</summary>
    public Task<IActionResult> OnGetNotice() =>
        ApiFiles.Relay(this, $"api/sanction-proposals/{Id}/notice", "application/pdf", $"bescheid-{Id:N}.pdf", inline: true);

    public async Task<IActionResult> OnPostDecide()
    {
        Active = "decide";
        if (Decide.Approved is null) ModelState.AddModelError("Decide.Approved", "Bitte wählen Sie: bewilligen oder ablehnen.");
        var approving = Decide.Approved == true;
        var (amounts, special, notice) = approving ? Terms(Decide, "Decide") : (null, null, null);
        if (ModelState.IsValid && !Confirmed(approving ? "Anspruchseinschränkung bewilligen" : "Vorschlag ablehnen",
                approving ? "Jetzt verbindlich bewilligen" : "Jetzt verbindlich ablehnen", "Decide",
            [
                new("Entscheidung", approving ? "bewilligen (Einschränkungsbescheid)" : "ablehnen (Mitteilung)"),
                new("Beginn", approving && Decide.StartsOn is { } s ? Format.Date(s) : null),
                new("Monatlich bisher / künftig", approving ? $"{Decide.MonthlyBefore} EUR / {Decide.MonthlyAfter} EUR" : null),
                new("Gründe der Entscheidung", Decide.Reasoning, InNotice: true),
                new("Zusätzlich gewährt", approving ? Decide.Granted : null, InNotice: approving),
                new("Begründung der Prüfung besonderer Umstände", approving ? Decide.HardshipReasoning : null, InNotice: approving),
                new("Ermessenserwägungen (§ 45 SGB X)", approving ? Decide.DiscretionReasoning : null, InNotice: approving),
            ], "Die Entscheidung erzeugt den Bescheid; die markierten Texte erscheinen darin wörtlich."))
            return await Again();
        if (ModelState.IsValid && await Try(c => c.DecideSanctionAsync(Id, IdempotencyKey("decide"), ETag, new DecideSanctionRequest
            {
                Approved = Decide.Approved!.Value,
                Reasoning = Decide.Reasoning?.Trim() ?? "",
                StartsOn = approving ? Decide.StartsOn : null,
                Amounts = amounts,
                SpecialCircumstances = special,
                ApprovalNotice = notice,
            }), "Decide", TermFields(new Dictionary<string, string>
            {
                ["starts-on-in-past"] = "StartsOn", ["starts-on-required"] = "StartsOn", ["restriction-overlaps"] = "StartsOn",
            })))
            return BackTo("/SanctionProposals/Detail", new { id = Id }, Decide.Approved == true ? "Die Anspruchseinschränkung ist bewilligt." : "Der Vorschlag ist abgelehnt.");
        return await Again();
    }

    public async Task<IActionResult> OnPostObjection()
    {
        Active = "objection";
        if (Objection.ReceivedOn is null) ModelState.AddModelError("Objection.ReceivedOn", "Bitte das Eingangsdatum angeben.");
        if (ModelState.IsValid && await Try(c => c.FileObjectionAsync(Id, IdempotencyKey("objection"), ETag, new FileObjectionRequest
            {
                ReceivedOn = Objection.ReceivedOn!.Value,
                Statement = Objection.Statement?.Trim() ?? "",
                Period = Objection.Period,
            }), "Objection", Objection.Period is not null
                ? new Dictionary<string, string> { ["date-in-future"] = "ReceivedOn", ["objection-exists"] = "Period", ["period-not-found"] = "Period" }
                : new Dictionary<string, string> { ["date-in-future"] = "ReceivedOn" }))
            return BackTo("/SanctionProposals/Detail", new { id = Id }, "Der Widerspruch ist erfasst. Die Einschränkung bleibt in Kraft (§ 11 Abs. 4 AsylbLG).");
        return await Again();
    }

    public async Task<IActionResult> OnPostObjectionDecision()
    {
        Active = "objection-decision";
        if (ObjectionDecision.Outcome is null)
            ModelState.AddModelError("ObjectionDecision.Outcome", "Bitte wählen Sie: abhelfen, teilweise abhelfen oder zurückweisen.");
        if (ObjectionDecision.Costs is null) ModelState.AddModelError("ObjectionDecision.Costs", "Bitte über die Kosten entscheiden.");
        var partly = ObjectionDecision.Outcome == ObjectionOutcome.PartlyUpheld;
        if (partly && ObjectionDecision.NewStartsOn is null && ObjectionDecision.NewEndsOn is null)
            ModelState.AddModelError("ObjectionDecision.NewEndsOn", "Bei teilweiser Abhilfe bitte den neuen Beginn oder das neue Ende angeben.");
        if (ModelState.IsValid && !Confirmed("über den Widerspruch entscheiden", "Jetzt verbindlich entscheiden", "ObjectionDecision",
            [
                new("Entscheidung", Labels.ObjectionOutcome.Text(ObjectionDecision.Outcome!.Value)),
                new("Neuer Beginn / neues Ende", partly ? $"{Format.Date(ObjectionDecision.NewStartsOn)} / {Format.Date(ObjectionDecision.NewEndsOn)}" : null),
                new("Kosten", Labels.PlacementObjectionCosts.Text(ObjectionDecision.Costs!.Value)),
                new("Begründung", ObjectionDecision.Reasoning, InNotice: true),
            ], "Die Entscheidung erzeugt den Abhilfe- oder Widerspruchsbescheid; die Begründung erscheint darin wörtlich."))
            return await Again();
        if (ModelState.IsValid && await Try(c => c.DecideObjectionAsync(Id, IdempotencyKey("objection-decision"), ETag, new DecideObjectionRequest
            {
                Outcome = ObjectionDecision.Outcome!.Value,
                Costs = ObjectionDecision.Costs!.Value,
                NewStartsOn = partly ? ObjectionDecision.NewStartsOn : null,
                NewEndsOn = partly ? ObjectionDecision.NewEndsOn : null,
                Reasoning = ObjectionDecision.Reasoning?.Trim() ?? "",
            }), "ObjectionDecision", new Dictionary<string, string> { ["not-a-reduction"] = "NewEndsOn" }))
            return BackTo("/SanctionProposals/Detail", new { id = Id }, Decided(ObjectionDecision.Outcome!.Value));
        return await Again();
    }

    public async Task<IActionResult> OnPostEnd()
    {
        Active = "end";
        if (End.Date is null) ModelState.AddModelError("End.Date", "Bitte den letzten Tag angeben.");
        if (End.Reason is null) ModelState.AddModelError("End.Reason", "Bitte einen Grund wählen.");
        if (ModelState.IsValid && !Confirmed("Anspruchseinschränkung vorzeitig beenden", "Jetzt verbindlich beenden", "End",
            [
                new("Letzter Tag der Einschränkung", Format.Date(End.Date)),
                new("Grund", Labels.RestrictionEndReason.Text(End.Reason!.Value)),
                new("Begründung der Beendigung", End.Reasoning),
            ], "Der angegebene Tag wird das Ende der Einschränkung; das lässt sich nicht rückgängig machen."))
            return await Again();
        if (ModelState.IsValid && await Try(c => c.EndRestrictionAsync(Id, IdempotencyKey("end"), ETag, new EndRestrictionRequest
            {
                Date = End.Date!.Value,
                Reason = End.Reason!.Value,
                Reasoning = End.Reasoning?.Trim() ?? "",
            }), "End", new Dictionary<string, string> { ["date-in-future"] = "Date", ["end-before-start"] = "Date" }))
            return BackTo("/SanctionProposals/Detail", new { id = Id }, "Die Einschränkung ist vorzeitig beendet.");
        return await Again();
    }

    public async Task<IActionResult> OnPostReview()
    {
        Active = "review";
        if (Review.Continue is null) ModelState.AddModelError("Review.Continue", "Bitte wählen Sie: fortsetzen oder nicht fortsetzen.");
        var (amounts, special, notice) = Review.Continue == true ? Terms(Review, "Review") : (null, null, null);
        var continuing = Review.Continue == true;
        if (ModelState.IsValid && !Confirmed(continuing ? "Anspruchseinschränkung fortsetzen" : "Überprüfung: nicht fortsetzen",
                continuing ? "Jetzt verbindlich fortsetzen" : "Jetzt verbindlich speichern", "Review",
            [
                new("Ergebnis", continuing ? "fortsetzen für weitere sechs Monate" : "nicht fortsetzen: endet wie geplant"),
                new("Anhörung zur Fortsetzung am", Review.HearingHeldOn is { } heard ? Format.Date(heard) : null),
                new("Monatlich bisher / künftig", continuing ? $"{Review.MonthlyBefore} EUR / {Review.MonthlyAfter} EUR" : null),
                new("Begründung der Überprüfung", Review.Reasoning, InNotice: true),
                new("Zusätzlich gewährt", continuing ? Review.Granted : null, InNotice: continuing),
                new("Begründung der Prüfung besonderer Umstände", continuing ? Review.HardshipReasoning : null, InNotice: continuing),
                new("Ermessenserwägungen (§ 45 SGB X)", continuing ? Review.DiscretionReasoning : null, InNotice: continuing),
            ], continuing ? "Die Fortsetzung erzeugt einen Bescheid; die markierten Texte erscheinen darin wörtlich." : null))
            return await Again();
        if (ModelState.IsValid && await Try(c => c.ReviewRestrictionAsync(Id, IdempotencyKey("review"), ETag, new ReviewRestrictionRequest
            {
                ContinueRestriction = Review.Continue!.Value,
                Reasoning = Review.Reasoning?.Trim() ?? "",
                HearingHeldOn = Review.HearingHeldOn,
                Amounts = amounts,
                SpecialCircumstances = special,
                ApprovalNotice = notice,
            }), "Review", TermFields(new Dictionary<string, string> { ["hearing-required"] = "HearingHeldOn", ["date-in-future"] = "HearingHeldOn", ["breach-ended"] = "Continue", ["review-too-early"] = "Continue" })))
            return BackTo("/SanctionProposals/Detail", new { id = Id }, Review.Continue == true ? "Die Einschränkung wird fortgesetzt." : "Die Überprüfung ist gespeichert; die Einschränkung endet wie geplant.");
        return await Again();
    }


#pragma warning disable CS8524
    private static string Decided(ObjectionOutcome outcome) => outcome switch
    {
        ObjectionOutcome.Upheld => "Dem Widerspruch ist abgeholfen; die Einschränkung ist aufgehoben.",
        ObjectionOutcome.PartlyUpheld => "Dem Widerspruch ist teilweise abgeholfen; Abhilfe- und Widerspruchsbescheid sind erstellt.",
        ObjectionOutcome.Dismissed => "Der Widerspruch ist zurückgewiesen.",
    };
#pragma warning restore CS8524

    // 422 amount-not-reduced appears at the restricted amount (the form checks the rest before sending).
    private static Dictionary<string, string> TermFields(Dictionary<string, string> map)
    {
        map["amount-not-reduced"] = "MonthlyAfter";
        return map;
    }

    /// <summary>The terms as the API takes them: EUR typed as "441,00" become cents; each line of the granted list one item.</summary>
    private (AmountsBody?, SpecialCircumstancesBody?, ApprovalNoticeBody?) Terms(TermsInput input, string prefix)
    {
        var before = Money.ParseCents(input.MonthlyBefore);
        var after = Money.ParseCents(input.MonthlyAfter);
        if (before is null) ModelState.AddModelError($"{prefix}.MonthlyBefore", "Bitte den bisherigen Monatsbetrag in Euro angeben, z. B. 441,00.");
        if (after is null) ModelState.AddModelError($"{prefix}.MonthlyAfter", "Bitte den eingeschränkten Monatsbetrag in Euro angeben, z. B. 220,50.");
        if (!input.Considered) ModelState.AddModelError($"{prefix}.Considered", "Besondere Umstände müssen geprüft werden (§ 1a Abs. 1 S. 3 AsylbLG).");
        if (string.IsNullOrWhiteSpace(input.HardshipReasoning)) ModelState.AddModelError($"{prefix}.HardshipReasoning", "Bitte die Prüfung begründen.");
        if (input.ApprovalNoticeDate is null) ModelState.AddModelError($"{prefix}.ApprovalNoticeDate", "Bitte das Datum des Bewilligungsbescheids angeben.");
        if (input.Basis is null) ModelState.AddModelError($"{prefix}.Basis", "Bitte die Rechtsgrundlage wählen: § 48 oder § 45 SGB X.");
        if (input.Basis == RevocationBasis.Section45 && string.IsNullOrWhiteSpace(input.DiscretionReasoning))
            ModelState.AddModelError($"{prefix}.DiscretionReasoning", "Bei § 45 SGB X bitte die Ermessenserwägungen angeben.");
        var granted = (input.Granted ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        return (new AmountsBody { MonthlyBeforeCents = before ?? 0, MonthlyAfterCents = after ?? 0 },
            new SpecialCircumstancesBody { Considered = input.Considered, Granted = granted, Reasoning = input.HardshipReasoning?.Trim() ?? "" },
            new ApprovalNoticeBody { Date = input.ApprovalNoticeDate ?? default, Basis = input.Basis ?? RevocationBasis.Section48, DiscretionReasoning = input.DiscretionReasoning?.Trim() });
    }

    /// <summary>A refused form: the page again with what was typed, the proposal as it stands now, the ETag that was sent.</summary>
    private async Task<IActionResult> Again()
    {
        await Load();
        return Page();
    }

    private async Task Load()
    {
        var api = await Api();
        Proposal = Shown(await api.Tagged(c => c.GetSanctionProposalAsync(Id)));
        try
        {
            Person = await api.GetPersonAsync(Proposal.PersonId, null);
            Placement = await api.GetPlacementAsync(Proposal.PlacementId);
        }
        catch (AghApiException e) when (e.StatusCode is 403 or 404)
        {
            // The proposal is readable; the page shows it without what this role may not read.
        }
    }
}
