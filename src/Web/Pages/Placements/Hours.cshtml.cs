using System.Globalization;
using System.Text.RegularExpressions;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Placements;

/// <summary>
/// The hours of one ISO week (Mon-Sun) in quarter hours. The caps and "what is left" are arithmetic on what the API
/// returned; the API decides every entry (one call per changed day) and its refusals are shown next to that day.
/// </summary>
public sealed class HoursModel : CommandPage
{
    public sealed class DayInput
    {
        public string Date { get; set; } = "";
        /// <summary>What was typed, "h:mm"; named like the API's field so its field errors land here.</summary>
        public string? Minutes { get; set; }
        public string? Reason { get; set; }
    }

    public sealed record DayRow(DateOnly Date, int Current, IReadOnlyList<HourEntryDto> Effective, string? ReadOnlyReason)
    {
        public bool Editable => ReadOnlyReason is null;
        public string Label => $"{Format.Weekday(Date)}, {Format.Date(Date)}";
    }

    [BindProperty(SupportsGet = true)] public string? Week { get; set; }
    [BindProperty] public List<DayInput> Days { get; set; } = [];

    public PlacementDto Placement { get; private set; } = null!;
    public PersonDto Person { get; private set; } = null!;
    public OfferDto Offer { get; private set; } = null!;
    public DateOnly Monday { get; private set; }
    public List<DayRow> Rows { get; private set; } = [];
    public Dictionary<int, string> Saved { get; } = [];
    public string? SavedMessage { get; private set; }

    /// <summary>The days a save refused while others were saved: the page says so in a warning, not a success box.</summary>
    public List<string> Refused { get; } = [];

    /// <summary>The daily cap the API enforces (422 daily-limit), as the placement reports it; shown as a hint only.</summary>
    public int DailyCapMinutes => Placement.DailyLimitMinutes;

    /// <summary>The placement's agreed hours, unless the person's weekly cap is lower: the API refuses above either.</summary>
    public int WeeklyCapMinutes => Math.Min(Placement.HoursPerWeek * 60, Placement.WeeklyLimitMinutes);
    public string WeekParam => IsoWeek(Monday);

    /// <summary>Only caseworkers log and correct hours here (providers log in their own pages).</summary>
    public bool MayLog => User.Is(Roles.Caseworker);
    public string PreviousWeek => IsoWeek(Monday.AddDays(-7));
    public string NextWeek => IsoWeek(Monday.AddDays(7));
    public int WeekNumber => ISOWeek.GetWeekOfYear(Monday.ToDateTime(TimeOnly.MinValue));

    public async Task OnGet(Guid id)
    {
        await Load(id);
        Days = Rows.Select(r => new DayInput { Date = Format.Iso(r.Date), Minutes = r.Current == 0 ? "" : Format.Hm(r.Current) }).ToList();
    }

    public async Task<IActionResult> OnPost(Guid id)
    {
        await Load(id);
        var changes = new List<(int Index, DayRow Row, int Minutes)>();
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            var input = Days.FirstOrDefault(d => d.Date == Format.Iso(row.Date));
            if (!row.Editable || input is null) continue;
            var key = $"Days[{Days.IndexOf(input)}]";
            if (!TryParse(input.Minutes, out var minutes))
            {
                ModelState.AddModelError(key + ".Minutes", "Bitte als Stunden angeben, z. B. 4,5, 4:30 oder 270 min (leer für keine Stunden).");
                continue;
            }
            if (minutes != row.Current) changes.Add((Days.IndexOf(input), row, minutes));
        }

        // Decreases first: lowering one day makes room in the week for raising another in the same save.
        var saved = new List<string>();
        foreach (var (index, row, minutes) in changes.OrderBy(c => c.Minutes - c.Row.Current >= 0).ThenBy(c => c.Row.Date))
        {
            var prefix = $"Days[{index}]";
            var reason = Days[index].Reason?.Trim();
            var ok = await Save(id, row, minutes, reason, prefix);
            if (!ok)
            {
                Refused.Add(row.Label);
                continue;
            }
            saved.Add($"{row.Label}: {Format.Hm(minutes)} Std.");
            Saved[index] = "Gespeichert.";
            ModelState.Remove(prefix + ".Reason");
            Days[index].Reason = null;
        }

        if (ModelState.IsValid)
            return BackTo("/Placements/Hours", new { id, week = WeekParam },
                saved.Count == 0 ? "Keine Änderungen." : "Gespeichert: " + string.Join("; ", saved));

        // Some days were refused: show what the API now holds, keep what was typed for the refused days.
        await Load(id, current: true);
        if (saved.Count > 0)
            SavedMessage = "Nur teilweise gespeichert. Gespeichert: " + string.Join("; ", saved) + " Nicht gespeichert: "
                + (Refused.Count > 0 ? string.Join(", ", Refused) : "die markierten Tage") + " – die Gründe stehen bei den markierten Tagen.";
        return Page();
    }

    /// <summary>One change of one day: a new entry, or a correction of the day's effective entries (their sum becomes the new value).</summary>
    private async Task<bool> Save(Guid id, DayRow row, int minutes, string? reason, string prefix)
    {
        var codes = new Dictionary<string, string>
        {
            ["daily-limit"] = "Minutes", ["weekly-limit"] = "Minutes", ["outside-placement"] = "Minutes", ["outside-offer"] = "Minutes",
            ["hours-after-end"] = "Minutes", ["placement-ended"] = "Minutes", ["entry-not-found"] = "Minutes",
            ["date-in-future"] = "Minutes", ["idempotency-key-reused"] = "Minutes",
        };
        if (row.Effective.Count == 0)
        {
            var ok = await Try(c => c.LogHoursAsync(id, IdempotencyKey("log", row.Date, minutes), ETag,
                new LogHoursRequest { Date = row.Date, Minutes = minutes }), prefix, codes);
            if (ok) await Refresh(id);
            return ok;
        }
        // Several entries on a day: the last one carries the new value, the others stay unless the value is below their sum.
        var last = row.Effective[^1];
        var others = row.Effective.Take(row.Effective.Count - 1).ToList();
        var othersSum = others.Sum(e => e.Minutes);
        var plan = minutes >= othersSum
            ? [(last, minutes - othersSum)]
            : others.Where(e => e.Minutes != 0).Select(e => (e, 0)).Append((last, minutes)).ToList();
        foreach (var (entry, value) in plan)
        {
            var ok = await Try(c => c.CorrectHoursAsync(id, entry.EntryId, IdempotencyKey("correct", entry.EntryId, value, reason ?? ""), ETag,
                new CorrectHoursRequest { Minutes = value, Reason = reason ?? "" }), prefix, codes);
            if (!ok && string.IsNullOrEmpty(reason) && ModelState[prefix + ".Reason"]?.Errors.Count > 0)
            {
                // The API asks for the reason; say which one in the staff's words.
                ModelState[prefix + ".Reason"]!.Errors.Clear();
                ModelState.AddModelError(prefix + ".Reason", "Bitte den Grund der Korrektur angeben.");
            }
            if (!ok) return false;
            await Refresh(id);
        }
        return true;
    }

    private async Task Refresh(Guid id)
    {
        Current(await (await Api()).Tagged(c => c.GetPlacementAsync(id)));
    }

    private async Task Load(Guid id, bool current = false)
    {
        var api = await Api();
        var read = await api.Tagged(c => c.GetPlacementAsync(id));
        Placement = current ? Current(read) : Shown(read);
        Person = await api.GetPersonAsync(Placement.PersonId, null);
        Offer = await api.GetOfferAsync(Placement.OfferId);
        Monday = ParseWeek(Week) ?? MondayOf(Today);
        // The placement carries the newest 100 entries only; the week may lie further back: only its days are asked for.
        var effective = (await PlacementHoursReads.Between(api, Placement, Monday, Monday.AddDays(6))).Where(h => !h.Superseded).ToList();
        Rows = Enumerable.Range(0, 7).Select(i => Monday.AddDays(i)).Select(d =>
        {
            var entries = effective.Where(h => h.Date == d).ToList();
            return new DayRow(d, entries.Sum(e => e.Minutes), entries, ReadOnlyReason(d, entries.Count > 0));
        }).ToList();
    }

    /// <summary>Why a day takes no input here; the API refuses these days anyway (outside-placement, outside-offer).</summary>
    private string? ReadOnlyReason(DateOnly d, bool hasEntries)
    {
        // Officials and auditors read the hours; logging and correcting them is the caseworker's (the API refuses them).
        if (!MayLog) return "Stunden erfasst die Sachbearbeitung";
        if (d > Today) return "liegt in der Zukunft";
        if (d < Placement.StartsOn) return "vor Beginn der Arbeitsgelegenheit";
        // Hours after the end stay correctable (to 0), as ending a placement with later hours asks for.
        if (Placement.EndedOn is { } end && d > end && !hasEntries) return "nach dem Ende der Arbeitsgelegenheit";
        if (Offer.EndsOn is { } offerEnd && d > offerEnd && !hasEntries) return "nach dem Ende des Angebots";
        return null;
    }

    public DayInput InputFor(DayRow row, out int index)
    {
        index = Days.FindIndex(d => d.Date == Format.Iso(row.Date));
        if (index >= 0) return Days[index];
        Days.Add(new DayInput { Date = Format.Iso(row.Date), Minutes = row.Current == 0 ? "" : Format.Hm(row.Current) });
        index = Days.Count - 1;
        return Days[index];
    }

    /// <summary>The week's sum as the grid shows it: typed values where they can be read, else what is stored.</summary>
    public int TypedSum() => Rows.Sum(r =>
    {
        var input = Days.FirstOrDefault(d => d.Date == Format.Iso(r.Date));
        return r.Editable && input is not null && TryParse(input.Minutes, out var m) ? m : r.Current;
    });

    public static string Left(int cap, int sum) =>
        sum <= cap ? $"noch {Format.Minutes(cap - sum)}" : $"{Format.Minutes(sum - cap)} über der Grenze";

    /// <summary>"4,5", "4.5", "4:30", "270 min", "4" or empty (= 0); the API checks whole quarter hours and the caps.</summary>
    public static bool TryParse(string? text, out int minutes) => HoursText.TryParse(text, out minutes);

    private static DateOnly MondayOf(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    private static DateOnly? ParseWeek(string? week)
    {
        if (week is null) return null;
        var m = Regex.Match(week, @"^(\d{4})-W(\d{2})$");
        if (!m.Success) return null;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100 || number < 1 || number > ISOWeek.GetWeeksInYear(year)) return null;
        return DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Monday));
    }

    private static string IsoWeek(DateOnly monday)
    {
        var dt = monday.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt)}-W{ISOWeek.GetWeekOfYear(dt):00}";
    }
}
