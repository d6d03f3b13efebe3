using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Notices;

/// <summary>
/// A notice (GET /api/notices/{id}): what it is, whether it went out, when it counts as notified and until when the
/// person may act against it; the dispatch and the rebutted receipt (§ 41 Abs. 2 S. 3 VwVfG) are recorded here.
/// </summary>
public sealed class ShowModel : CommandPage
{
    public sealed class DispatchInput
    {
        public DispatchMethod? Method { get; set; }
        public DateOnly? On { get; set; }
        public bool AccessOpened { get; set; }
    }

    public sealed class ReceiptInput
    {
        public ReceiptOutcome? Outcome { get; set; }
        public DateOnly? On { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public DispatchInput Dispatch { get; set; } = new();
    [BindProperty] public ReceiptInput Receipt { get; set; } = new();

    /// <summary>Which form was sent, so its error summary shows there.</summary>
    public string? Active { get; private set; }

    public NoticeDto Notice { get; private set; } = null!;
    public PersonDto? Person { get; private set; }

    /// <summary>The contract's roles for dispatch and receipt: caseworkers and officials (the API checks the municipality).</summary>
    public bool MayRecord => User.Is(Roles.Caseworker, Roles.Official);

    public bool CanDispatch => MayRecord && Notice.Dispatch is null;
    public bool CanRecordReceipt => MayRecord && Notice.Dispatch is not null;

    /// <summary>
    /// Only a notice the service wrote has a PDF (one served outside it is only recorded: 409 notice-external), and the
    /// service renders so far the Heranziehungsbescheid, Einschränkungsbescheid and Mitteilung (else 409 notice-not-renderable).
    /// </summary>
    public bool HasPdf => NoticeTexts.HasPdf(Notice);

    public string PersonName => Person is { } p ? $"{p.GivenName} {p.FamilyName}" : "(Person nicht lesbar)";

    public async Task OnGet()
    {
        Dispatch.On = Today;
        await Load();
    }

    /// <summary>The notice's PDF streamed from the API with the staff member's token.</summary>
    public Task<IActionResult> OnGetPdf() =>
        ApiFiles.Relay(this, $"api/notices/{Id}/pdf", "application/pdf", $"Bescheid-{Id:N}.pdf", inline: true);

    /// <summary>The notice as it would go out, marked "Entwurf" (GET /api/notices/{id}/preview): read before the dispatch binds it.</summary>
    public Task<IActionResult> OnGetPreview() =>
        ApiFiles.Relay(this, $"api/notices/{Id}/preview", "application/pdf", $"Bescheid-Entwurf-{Id:N}.pdf", inline: true);

    /// <summary>The notice with the translation of its Belehrungen appended; the API records which version was handed out.</summary>
    public Task<IActionResult> OnGetAnnex(string? language) =>
        language is not null && NoticeTexts.AnnexLanguages.Contains(language)
            ? ApiFiles.Relay(this, $"api/notices/{Id}/pdf?annex={language}", "application/pdf", $"Bescheid-{Id:N}-{language}.pdf", inline: true)
            : Task.FromResult<IActionResult>(NotFound());

    public async Task<IActionResult> OnPostDispatch()
    {
        Active = "dispatch";
        if (Dispatch.Method is null) ModelState.AddModelError("Dispatch.Method", "Bitte wählen Sie, wie der Bescheid versandt wurde.");
        if (Dispatch.On is null) ModelState.AddModelError("Dispatch.On", "Bitte das Datum des Versands angeben.");
        NoticeDto? after = null;
        if (ModelState.IsValid && Step != "confirm")
        {
            await Load();
            ConfirmDispatch();
            return Page();
        }
        if (ModelState.IsValid && await Try(async c => after = await c.DispatchNoticeAsync(Id,
                IdempotencyKey("dispatch", Dispatch.Method, Dispatch.On, Dispatch.AccessOpened), new DispatchNoticeRequest
                {
                    Method = Dispatch.Method!.Value,
                    On = Dispatch.On!.Value,
                    AccessOpened = Dispatch.Method == DispatchMethod.Electronic ? Dispatch.AccessOpened : null,
                }), "Dispatch", new Dictionary<string, string>
                {
                    ["dispatch-before-issue"] = "On", ["date-in-future"] = "On", ["electronic-not-opened"] = "AccessOpened",
                }))
            return BackTo("/Notices/Show", new { id = Id },
                $"Versand erfasst ({Labels.DispatchMethod.Text(Dispatch.Method!.Value)} am {Format.Date(Dispatch.On!.Value)}): "
                + $"der Bescheid gilt als bekanntgegeben am {Format.Date(after!.NotifiedOn)}.");
        await Load();
        return Page();
    }

    public async Task<IActionResult> OnPostReceipt()
    {
        Active = "receipt";
        if (Receipt.Outcome is null) ModelState.AddModelError("Receipt.Outcome", "Bitte wählen Sie, was die Person vorträgt oder was geschah.");
        if (Receipt.Outcome == ReceiptOutcome.ReceivedLater && Receipt.On is null)
            ModelState.AddModelError("Receipt.On", "Bitte angeben, wann die Person den Bescheid erhalten hat.");
        if (string.IsNullOrWhiteSpace(Receipt.Note)) ModelState.AddModelError("Receipt.Note", "Bitte kurz vermerken, worauf sich die Angabe stützt.");
        if (ModelState.IsValid && await Try(c => c.RecordNoticeReceiptAsync(Id,
                IdempotencyKey("receipt", Receipt.Outcome, Receipt.On, Receipt.Note), new RecordNoticeReceiptRequest
                {
                    Outcome = Receipt.Outcome!.Value,
                    On = Receipt.Outcome == ReceiptOutcome.ReceivedLater ? Receipt.On : null,
                    Note = Receipt.Note!.Trim(),
                }), "Receipt", new Dictionary<string, string>
                {
                    ["receipt-date-required"] = "On", ["receipt-before-dispatch"] = "On", ["date-in-future"] = "On",
                }))
            return BackTo("/Notices/Show", new { id = Id }, Receipt.Outcome == ReceiptOutcome.ReceivedLater
                ? $"Erfasst: die Person hat den Bescheid erst am {Format.Date(Receipt.On!.Value)} erhalten; von diesem Tag an gilt er als bekanntgegeben."
                : $"Erfasst: {Labels.ReceiptOutcome.Text(Receipt.Outcome!.Value)}. Der Bescheid gilt nicht als bekanntgegeben und muss erneut versandt werden.");
        await Load();
        return Page();
    }

    /// <summary>The dispatch starts the remedy period: the user checks what she records (and may open the draft) first.</summary>
    private void ConfirmDispatch()
    {
        var notice = Notice;
        Confirmed($"Versand erfassen – {Labels.NoticeKind.Text(notice.Kind)}", "Jetzt verbindlich Versand erfassen", "Dispatch",
        [
            new("Bescheid", $"{Labels.NoticeKind.Text(notice.Kind)} vom {Format.Date(notice.IssuedOn)}"),
            new("Versandart", Labels.DispatchMethod.Text(Dispatch.Method!.Value)),
            new("Versandt bzw. ausgehändigt am", Format.Date(Dispatch.On!.Value)),
            new("Elektronischer Zugang eröffnet", Dispatch.Method == DispatchMethod.Electronic ? (Dispatch.AccessOpened ? "ja" : "nein") : "–"),
        ], "Mit dem Versand wird der Bescheid bekanntgegeben und die Rechtsbehelfsfrist beginnt. Prüfen Sie vorher den Entwurf.");
    }

    private async Task Load()
    {
        var api = await Api();
        Notice = await api.GetNoticeAsync(Id);
        try
        {
            Person = await api.GetPersonAsync(Notice.PersonId, null);
        }
        catch (AghApiException e) when (e.StatusCode is 403 or 404)
        {
            Person = null;
        }
    }
}
