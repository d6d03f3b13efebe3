using System.ComponentModel.DataAnnotations;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Placements;

/// <summary>Assign a person to an open offer with a free place (POST /api/placements); the API decides whether it may.</summary>
public sealed class AssignModel : CommandPage
{
    public sealed class AssignInput
    {
        [Required(ErrorMessage = "Bitte ein Angebot wählen.")] public Guid? OfferId { get; set; }
        /// <summary>Only for a notice served outside the service; empty (the normal way) lets the service issue it today.</summary>
        public DateOnly? NoticeServedOn { get; set; }
        [Required(ErrorMessage = "Bitte den Beginn angeben.")] public DateOnly? StartsOn { get; set; }
        [Required(ErrorMessage = "Bitte die Wochenstunden angeben.")] public int? HoursPerWeek { get; set; }

        /// <summary>Rows of the working times; rows left empty are not sent.</summary>
        public List<ScheduleRow> Schedule { get; set; } = [];

        /// <summary>The last day of the placement (at most six months after the start).</summary>
        public DateOnly? Until { get; set; }

        public string? Reasoning { get; set; }

        public string? InformationLanguage { get; set; }
    }

    public sealed class ScheduleRow
    {
        public Weekday? Weekday { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }

        public bool IsEmpty => Weekday is null && string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To);
    }

    /// <summary>Rows the form offers for the working times.</summary>
    public const int ScheduleRows = 7;


    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public AssignInput Input { get; set; } = new();

    public PersonDto Person { get; private set; } = null!;

    /// <summary>Open offers with a free place as the API lists them for the caseworker's municipality, plus the chosen one.</summary>
    public IReadOnlyList<OfferDto> Offers { get; private set; } = [];

    public async Task OnGet()
    {
        await Load();
        Input.StartsOn = Today;
        Pad();
    }

    // Browsers send time inputs as HH:MM, some with seconds: the API takes HH:MM.
    private static string HhMm(string value) => value.Length > 5 ? value[..5] : value;

    /// <summary>Always as many rows as the form shows, the typed ones first.</summary>
    private void Pad()
    {
        while (Input.Schedule.Count < ScheduleRows) Input.Schedule.Add(new ScheduleRow());
    }

    public async Task<IActionResult> OnPost()
    {
        await Load();
        // A notice the service issues must name the working times, the end, the reasons and the language (contract v3b);
        // one served outside the service is only recorded, so these may stay empty then.
        var rows = Input.Schedule.Where(r => !r.IsEmpty).ToList();
        for (var i = 0; i < Input.Schedule.Count; i++)
        {
            var r = Input.Schedule[i];
            if (r.IsEmpty) continue;
            if (r.Weekday is null || string.IsNullOrWhiteSpace(r.From) || string.IsNullOrWhiteSpace(r.To))
                ModelState.AddModelError($"Input.Schedule[{i}]", $"Zeile {i + 1}: bitte Wochentag, Beginn und Ende angeben.");
        }
        if (Input.NoticeServedOn is null)
        {
            if (rows.Count == 0) ModelState.AddModelError("Input.Schedule", "Bitte die Arbeitszeiten angeben.");
            if (Input.Until is null) ModelState.AddModelError("Input.Until", "Bitte das Ende der Heranziehung angeben.");
            if (string.IsNullOrWhiteSpace(Input.Reasoning)) ModelState.AddModelError("Input.Reasoning", "Bitte die Begründung angeben.");
            if (string.IsNullOrWhiteSpace(Input.InformationLanguage)) ModelState.AddModelError("Input.InformationLanguage", "Bitte die Sprache wählen.");
        }
        if (!ModelState.IsValid) { Pad(); return Page(); }
        AssignPersonAssigned? created = null;
        var ok = await Try(async c => created = await c.AssignPersonAsync(IdempotencyKey("assign"), new AssignPersonRequest
        {
            PersonId = Id,
            OfferId = Input.OfferId!.Value,
            NoticeServedOn = Input.NoticeServedOn,
            StartsOn = Input.StartsOn!.Value,
            HoursPerWeek = Input.HoursPerWeek!.Value,
            Schedule = rows.Count == 0 ? null : rows.Select(r => new AssignPersonScheduleBlockRequest { Weekday = r.Weekday!.Value, From = HhMm(r.From!), To = HhMm(r.To!) }).ToList(),
            Until = Input.Until,
            Reasoning = string.IsNullOrWhiteSpace(Input.Reasoning) ? null : Input.Reasoning,
            InformationLanguage = string.IsNullOrWhiteSpace(Input.InformationLanguage) ? null : Input.InformationLanguage,
        }), codeFields: new Dictionary<string, string>
        {
            ["schedule-mismatch"] = "Schedule",
            ["period-too-long"] = "Until",
            ["no-free-place"] = "OfferId",
            ["offer-not-open"] = "OfferId",
            ["hours-exceed-offer"] = "HoursPerWeek",
            ["start-before-notice"] = "StartsOn",
            ["notice-in-future"] = "NoticeServedOn",
            ["person-not-eligible"] = "StartsOn",
        });
        // The API claims a key only with a success: the corrected input is sent again under the same key.
        if (!ok) { Pad(); return Page(); }
        TempData["Flash"] = $"{Person.GivenName} {Person.FamilyName} ist zugewiesen.";
        return RedirectToPage("/Placements/Assigned", new { id = created!.Id });
    }

    private async Task Load()
    {
        var api = await Api();
        Person = await api.GetPersonAsync(Id, null);
        var listed = (await api.ListOffersAsync(User.Municipality(), null, 1, 500)).ToList();
        Offers = listed.Where(o => (o.Status == OfferStatus.Open && o.Free > 0) || o.Id == Input.OfferId)
            .OrderBy(o => o.Title, StringComparer.CurrentCulture).ThenBy(o => o.ProviderName, StringComparer.CurrentCulture).ToList();
    }
}
