using System.Globalization;
using System.Text.RegularExpressions;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Offers;

/// <summary>
/// Hours by the sheet (issue 20, contract v3d): an offer's ISO week, participants × days, the planned schedule and what is
/// logged. "wie vereinbart übernehmen" fills the empty cells from the schedule (a round-trip that fills the form, nothing
/// saved); "Speichern" sends the whole sheet in one request to the week route and shows per cell what was stored and what
/// was refused and why, the refused input kept.
/// </summary>
public sealed partial class WeekModel : CommandPage
{
    public sealed class CellInput
    {
        public Guid PlacementId { get; set; }
        public string Date { get; set; } = "";
        public string? Minutes { get; set; }
    }

    /// <summary>Outside the placement; hours logged (corrected on the placement's hours page); a day still ahead; open for input.</summary>
    public enum CellKind { Outside, Logged, Future, Open }

    public sealed record Cell(DateOnly Date, CellKind Kind, int Minutes, int Planned);

    public sealed record Row(WeekRowDto Sheet, IReadOnlyList<Cell> Cells)
    {
        public string Name => $"{Sheet.Person.FamilyName}, {Sheet.Person.GivenName}";
        public int Total => Cells.Sum(c => c.Minutes);
    }

    [BindProperty] public List<CellInput> Cells { get; set; } = [];

    public Guid Id { get; private set; }
    public string WeekCode { get; private set; } = "";
    public DateOnly Monday { get; private set; }
    public DateOnly Sunday => Monday.AddDays(6);
    public IReadOnlyList<DateOnly> Days => Enumerable.Range(0, 7).Select(Monday.AddDays).ToList();
    public OfferDto Offer { get; private set; } = null!;
    public WeekDto Sheet { get; private set; } = null!;
    public List<Row> Rows { get; private set; } = [];

    /// <summary>What the form shows in open cells: typed, or filled from the schedule.</summary>
    public Dictionary<(Guid, DateOnly), string> Typed { get; } = [];

    /// <summary>One German message per refused or unreadable cell.</summary>
    public Dictionary<(Guid, DateOnly), string> Refused { get; } = [];

    /// <summary>Cells this save stored (now shown as logged).</summary>
    public HashSet<(Guid, DateOnly)> Stored { get; } = [];

    public string? Message { get; private set; }

    public int WeekNumber => ISOWeek.GetWeekOfYear(Monday.ToDateTime(TimeOnly.MinValue));
    public string PreviousWeek => Code(Monday.AddDays(-7));
    public string NextWeek => Code(Monday.AddDays(7));
    public string Label => WeekLabel(Monday);
    public bool AnyOpen => Rows.Any(r => r.Cells.Any(c => c.Kind == CellKind.Open));

    public async Task<IActionResult> OnGet(Guid id, string? week)
    {
        if (week is null) return RedirectToPage("/Offers/Week", new { id, week = Code(MondayOf(Today)) });
        if (!Parse(week)) return NotFound();
        await Load(id);
        return Page();
    }

    /// <summary>"wie vereinbart übernehmen" without JavaScript: the empty open cells take the planned hours; nothing is saved.</summary>
    public async Task<IActionResult> OnPostFill(Guid id, string? week)
    {
        if (week is null || !Parse(week)) return NotFound();
        await Load(id);
        Keep();
        var filled = 0;
        foreach (var row in Rows)
            foreach (var c in row.Cells.Where(c => c.Kind == CellKind.Open && c.Planned > 0))
                if (string.IsNullOrWhiteSpace(Typed.GetValueOrDefault((row.Sheet.PlacementId, c.Date))))
                {
                    Typed[(row.Sheet.PlacementId, c.Date)] = HoursText.Hours(c.Planned);
                    filled++;
                }
        Message = filled == 0
            ? "Keine leeren Felder mit vereinbarten Zeiten."
            : $"{Count(filled, "Feld", "Felder")} aus den vereinbarten Zeiten übernommen. Noch nicht gespeichert: bitte prüfen und „Speichern“ drücken.";
        return Page();
    }

    public async Task<IActionResult> OnPost(Guid id, string? week)
    {
        if (week is null || !Parse(week)) return NotFound();
        await Load(id);
        Keep();
        var open = Rows.SelectMany(r => r.Cells.Where(c => c.Kind == CellKind.Open).Select(c => (r.Sheet.PlacementId, c.Date))).ToHashSet();
        var entries = new List<LogWeekHoursEntry>();
        foreach (var (key, text) in Typed)
        {
            if (!open.Contains(key)) continue;
            if (HoursText.Problem(text, out var minutes) is { } problem) Refused[key] = problem;
            else if (minutes > 0) entries.Add(new LogWeekHoursEntry { PlacementId = key.Item1, Date = key.Item2, Minutes = minutes });
        }
        var stored = 0;
        // One request for the sheet; the route takes 500 entries, more only for a week of over 70 participants.
        foreach (var chunk in entries.Chunk(500))
        {
            try
            {
                var answer = await (await Api()).LogOfferWeekHoursAsync(id, WeekCode,
                    IdempotencyKey("week", WeekCode, string.Join(";", chunk.Select(e => $"{e.PlacementId}/{e.Date}/{e.Minutes}"))),
                    new LogWeekHoursRequest { Entries = chunk.ToList() });
                foreach (var r in answer.Results)
                {
                    if (r.Status == 201) { Stored.Add((r.PlacementId, r.Date)); stored++; }
                    else Refused[(r.PlacementId, r.Date)] = Reason(r.Code, r.Status);
                }
            }
            catch (AghApiException e) when (e.StatusCode != 401)
            {
                var problem = ApiProblem.From(e);
                foreach (var entry in chunk) Refused[(entry.PlacementId, entry.Date)] = ProblemTexts.For(problem);
            }
            catch (HttpRequestException)
            {
                foreach (var entry in chunk) Refused[(entry.PlacementId, entry.Date)] = "Der Dienst ist gerade nicht erreichbar. Bitte erneut speichern.";
            }
        }
        if (Refused.Count == 0)
            return BackTo("/Offers/Week", new { id, week = WeekCode },
                stored == 0 ? "Keine neuen Stunden eingetragen." : $"Gespeichert: {Count(stored, "Eintrag", "Einträge")}.");

        // Show what the API holds now; refused cells keep what was typed, stored ones are logged.
        await Load(id);
        foreach (var key in Stored) Typed.Remove(key);
        Message = stored == 0 ? null : $"Gespeichert: {Count(stored, "Eintrag", "Einträge")}.";
        return Page();
    }

    /// <summary>The week route's refusal codes in the caseworker's words.</summary>
    public string Reason(string? code, int status) => code switch
    {
        "daily-limit" => $"Mehr als {HoursText.Hours(Sheet.DailyLimitMinutes)} Stunden an einem Tag sind nicht zulässig (alle Arbeitsgelegenheiten der Person zusammen).",
        "weekly-limit" => "Damit würden die vereinbarten Wochenstunden überschritten.",
        "outside-placement" => "Der Tag liegt außerhalb der Arbeitsgelegenheit (vor Beginn, nach dem Ende oder in der Zukunft).",
        "outside-offer" => "Der Tag liegt außerhalb des Zeitraums des Angebots.",
        "hours-after-end" => "Nach diesem Tag sind noch Stunden erfasst. Bitte diese zuerst auf der Stundenseite korrigieren.",
        "placement-ended" => "Die Arbeitsgelegenheit ist bereits beendet.",
        "date-in-future" => "Dieser Tag liegt in der Zukunft. Stunden bitte erst nach der Arbeit eintragen.",
        "month-confirmed" => "Der Monat ist vom Träger bestätigt.",
        "not-in-offer" => "Die Arbeitsgelegenheit gehört nicht zu diesem Angebot.",
        "outside-week" => "Der Tag liegt außerhalb dieser Woche.",
        "not-found" => "Die Arbeitsgelegenheit ist für Sie nicht sichtbar.",
        _ => ProblemTexts.For(new ApiProblem(status, code, null, null, new Dictionary<string, string[]>())),
    };

    private void Keep()
    {
        foreach (var c in Cells)
            if (DateOnly.TryParseExact(c.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                Typed[(c.PlacementId, date)] = c.Minutes?.Trim() ?? "";
    }

    private async Task Load(Guid id)
    {
        Id = id;
        var api = await Api();
        Offer = await api.GetOfferAsync(id);
        Sheet = await api.GetOfferWeekAsync(id, WeekCode);
        Rows = Sheet.Placements.Select(r => new Row(r, r.Days.Select(d => new Cell(d.Date,
            d.Minutes > 0 ? CellKind.Logged : !d.InPlacement ? CellKind.Outside : d.Date > Today ? CellKind.Future : CellKind.Open,
            d.Minutes, d.PlannedMinutes)).ToList())).ToList();
    }

    private bool Parse(string week)
    {
        var m = WeekPattern().Match(week);
        if (!m.Success) return false;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100 || number < 1 || number > ISOWeek.GetWeeksInYear(year)) return false;
        Monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Monday));
        WeekCode = week;
        return true;
    }

    [GeneratedRegex(@"^(\d{4})-W(\d{2})$")]
    private static partial Regex WeekPattern();

    public static DateOnly MondayOf(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    /// <summary>The ISO week of a date as the week route names it: 2026-W48.</summary>
    public static string Code(DateOnly day)
    {
        var dt = day.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt)}-W{ISOWeek.GetWeekOfYear(dt):00}";
    }

    private static readonly string[] MonthNames =
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

    /// <summary>"KW 48 · 23.–29. November 2026"; across months or years each end is named in full.</summary>
    public static string WeekLabel(DateOnly monday)
    {
        var sunday = monday.AddDays(6);
        var kw = ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue));
        string Full(DateOnly d) => $"{d.Day}. {MonthNames[d.Month - 1]} {d.Year}";
        var span = monday.Month == sunday.Month ? $"{monday.Day}.–{Full(sunday)}"
            : monday.Year == sunday.Year ? $"{monday.Day}. {MonthNames[monday.Month - 1]} – {Full(sunday)}"
            : $"{Full(monday)} – {Full(sunday)}";
        return $"KW {kw} · {span}";
    }

    public static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    public static string DayLabel(DateOnly d) => $"{Format.Weekday(d)}, {Format.Date(d)}";

    public static string Short(DateOnly d) => Format.Weekday(d)[..2];
}
