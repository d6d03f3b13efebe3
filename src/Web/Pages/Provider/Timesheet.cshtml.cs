using System.Globalization;
using System.Net.Http.Json;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace AGH.Web.Pages.Provider;

/// <summary>
/// A provider's month on one offer: persons × days with the hours the API holds, the agreed schedule, the daily cap, hours to
/// enter for days still empty, and the month's confirmation (contract v3c). The API decides every entry; its refusals are
/// shown at their cell, the typed value kept.
/// </summary>
public sealed class TimesheetModel : CommandPage
{
    public sealed class CellInput
    {
        public Guid PlacementId { get; set; }
        public string Date { get; set; } = "";
        public string? Minutes { get; set; }
    }

    public enum CellKind { Outside, Logged, Future, Closed, Open }

    public sealed record Cell(DateOnly Date, CellKind Kind, int Minutes, int Planned);

    public sealed record Row(TimesheetRow Sheet, ProviderPlacementDto? Placement, IReadOnlyList<Cell> Cells)
    {
        public string Name => $"{Sheet.Person.FamilyName}, {Sheet.Person.GivenName}";
        public int Total => Sheet.Days.Sum(d => d.Minutes);
    }

    [BindProperty] public List<CellInput> Cells { get; set; } = [];

    /// <summary>Set by "Monat bestätigen" on an ended month: the page asks once more before sending.</summary>
    public bool Confirm { get; private set; }

    public Guid Id { get; private set; }
    public string MonthCode { get; private set; } = "";
    public DateOnly First { get; private set; }
    public DateOnly Last => First.AddMonths(1).AddDays(-1);
    public OfferDto Offer { get; private set; } = null!;
    public TimesheetDto Sheet { get; private set; } = null!;
    public List<Row> Rows { get; private set; } = [];
    public IReadOnlyList<DateOnly> Days => Enumerable.Range(0, Last.Day).Select(i => First.AddDays(i)).ToList();
    public int DailyCapMinutes { get; private set; }

    /// <summary>The month is over: only then can it be confirmed (the API answers 422 month-not-ended otherwise).</summary>
    public bool Ended => Last < Today;

    public string MonthName => Format.Month(MonthCode);
    public string PreviousMonth => Code(First.AddMonths(-1));
    public string NextMonth => Code(First.AddMonths(1));

    /// <summary>Refused cells: the typed value and the API's reason in German.</summary>
    public Dictionary<(Guid, DateOnly), (string Typed, string Message)> Refused { get; } = [];

    public string? ConfirmError { get; private set; }
    public string? SavedMessage { get; private set; }

    public async Task<IActionResult> OnGet(Guid id, string month)
    {
        if (!Parse(month)) return NotFound();
        await Load(id);
        return Page();
    }

    /// <summary>The printable Arbeitsnachweis, passed through from the API.</summary>
    public async Task<IActionResult> OnGetPdf(Guid id, string month)
    {
        if (!Parse(month)) return NotFound();
        return await ApiFiles.Relay(this, $"api/offers/{id}/timesheets/{MonthCode}/pdf", "application/pdf", $"Arbeitsnachweis-{MonthCode}.pdf", inline: false);
    }

    public async Task<IActionResult> OnPost(Guid id, string month)
    {
        if (!Parse(month)) return NotFound();
        await Load(id);
        var names = Rows.ToDictionary(r => r.Sheet.PlacementId, r => r.Name);
        var saved = 0;
        foreach (var input in Cells)
        {
            if (!DateOnly.TryParseExact(input.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || !names.ContainsKey(input.PlacementId)) continue;
            var key = (input.PlacementId, date);
            if (!ProviderReads.TryMinutes(input.Minutes, out var minutes))
            {
                Refused[key] = (input.Minutes ?? "", "Bitte die Stunden als Zahl angeben, z. B. 4 oder 2,5.");
                continue;
            }
            if (minutes is not { } m) continue;
            if (m == 0)
            {
                Refused[key] = (input.Minutes ?? "", "0 Stunden werden nicht eingetragen. Bitte das Feld leer lassen.");
                continue;
            }
            try
            {
                await (await Api()).LogHoursAsync(input.PlacementId, IdempotencyKey("log", input.PlacementId, date, m), null,
                    new LogHoursRequest { Date = date, Minutes = m });
                saved++;
            }
            catch (AghApiException e) when (e.StatusCode != 401)
            {
                Refused[key] = (input.Minutes ?? "", Message(ApiProblem.From(e)));
            }
            catch (HttpRequestException)
            {
                Refused[key] = (input.Minutes ?? "", "Der Dienst ist gerade nicht erreichbar. Bitte erneut speichern.");
            }
        }
        if (Refused.Count == 0)
        {
            TempData["Flash"] = saved switch
            {
                0 => "Keine neuen Stunden eingetragen.",
                1 => "Gespeichert: 1 Eintrag.",
                _ => $"Gespeichert: {saved} Einträge.",
            };
            return RedirectToPage("/Provider/Timesheet", new { id, month = MonthCode });
        }
        // Show what the API now holds; the refused cells keep what was typed.
        await Load(id);
        // Part saved, part refused: a warning that says both, never the green success box (issue 20).
        if (saved > 0)
            SavedMessage = $"Nur teilweise gespeichert: {(saved == 1 ? "1 Eintrag" : $"{saved} Einträge")} gespeichert, "
                + $"{(Refused.Count == 1 ? "1 Eintrag" : $"{Refused.Count} Einträge")} nicht – die Gründe stehen unten bei den markierten Feldern.";
        return Page();
    }

    /// <summary>"Monat bestätigen": an ended month asks once more (Confirm); the answer, or a refusal in plain German.</summary>
    public async Task<IActionResult> OnPostConfirm(Guid id, string month, bool sure)
    {
        if (!Parse(month)) return NotFound();
        if (Ended && !sure)
        {
            Confirm = true;
            await Load(id);
            return Page();
        }
        var raw = await HttpContext.RequestServices.GetRequiredService<ApiClients>().Raw();
        // Read directly: this page words the API's problem codes for providers itself (Message).
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/offers/{id}/timesheets/{MonthCode}/confirmation");
        request.Headers.Add("Idempotency-Key", IdempotencyKey("confirm", id, MonthCode));
        using var response = await raw.SendAsync(request, HttpContext.RequestAborted);
        if (response.IsSuccessStatusCode)
        {
            TempData["Flash"] = $"{MonthName} ist bestätigt. Danach ändert nur noch das Sozialamt Stunden in diesem Monat.";
            return RedirectToPage("/Provider/Timesheet", new { id, month = MonthCode });
        }
        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized) return LocalRedirect(await StaffAuth.SignInAgain(HttpContext));
        ConfirmError = Message(await ProviderReads.Problem(response, HttpContext.RequestAborted));
        await Load(id);
        return Page();
    }

    /// <summary>The API's refusal in the words of a provider; the codes of this page say what to do next.</summary>
    private string Message(ApiProblem problem)
    {
        if (problem.Errors.Count > 0 && problem.Code is null) return ProblemTexts.Field(problem.Errors.Values.SelectMany(v => v).ToArray());
        return problem.Code switch
        {
            "daily-limit" => $"Mehr als {ProviderReads.Hours(DailyCapMinutes)} Stunden an einem Tag sind nicht erlaubt (alle Einsätze der Person zusammen).",
            "weekly-limit" => "Damit wären es mehr Stunden in der Woche als vereinbart.",
            "month-confirmed" => "Dieser Monat ist schon bestätigt. Änderungen trägt jetzt nur noch das Sozialamt ein.",
            "month-not-ended" => $"{MonthName} ist noch nicht zu Ende. Sie können den Monat ab dem {Format.Date(Last.AddDays(1))} bestätigen.",
            "date-in-future" => "Dieser Tag liegt in der Zukunft. Stunden bitte erst nach der Arbeit eintragen.",
            "outside-placement" or "hours-after-end" or "placement-ended" => "An diesem Tag war die Person nicht bei Ihnen im Einsatz.",
            _ => problem.Message,
        };
    }

    private bool Parse(string month)
    {
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)) return false;
        First = first;
        MonthCode = Code(first);
        return MonthCode == month;
    }

    private async Task Load(Guid id)
    {
        Id = id;
        var api = await Api();
        Offer = await api.GetOfferAsync(id);
        Sheet = await api.GetTimesheetAsync(id, MonthCode);
        DailyCapMinutes = Sheet.DailyLimitMinutes;
        var placements = (await ProviderReads.Placements(HttpContext, id)).ToDictionary(p => p.Id);
        Rows = Sheet.Placements.Select(r =>
        {
            placements.TryGetValue(r.PlacementId, out var p);
            var logged = r.Days.ToDictionary(d => d.Date, d => d.Minutes);
            var cells = Days.Select(d =>
            {
                var minutes = logged.GetValueOrDefault(d);
                var kind = minutes > 0 ? CellKind.Logged
                    : p is null || d < p.StartsOn || p.Until is { } until && d > until ? CellKind.Outside
                    : d > Today ? CellKind.Future
                    : Sheet.Confirmed is not null ? CellKind.Closed
                    : CellKind.Open;
                return new Cell(d, kind, minutes, ProviderReads.PlannedMinutes(r.Schedule, d));
            }).ToList();
            return new Row(r, p, cells);
        }).ToList();
    }

    public bool AnyOpen => Rows.Any(r => r.Cells.Any(c => c.Kind == CellKind.Open));

    private static string Code(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string DayLabel(DateOnly d) => $"{Format.Weekday(d)}, {Format.Date(d)}";

    public static string Short(DateOnly d) => Format.Weekday(d)[..2];
}
