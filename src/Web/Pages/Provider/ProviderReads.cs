using System.Globalization;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;

namespace AGH.Web.Pages.Provider;

/// <summary>What the provider's pages read and how they write hours: the reduced placement view, German decimal hours, the daily cap.</summary>
public static class ProviderReads
{
    /// <summary>The placements of an offer as a provider sees them; the generated client reads the staff view, so the JSON is read as it is.</summary>
    public static async Task<List<ProviderPlacementDto>> Placements(HttpContext http, Guid offerId)
    {
        var raw = await http.RequestServices.GetRequiredService<ApiClients>().Raw();
        var json = await raw.GetStringAsync($"api/placements?offerId={offerId}&pageSize=500", http.RequestAborted);
        return JsonConvert.DeserializeObject<List<ProviderPlacementDto>>(json) ?? [];
    }

    /// <summary>One placement in the provider's view, null when the API does not show it (another provider's, unknown).</summary>
    public static async Task<ProviderPlacementDto?> Placement(HttpContext http, Guid id)
    {
        var raw = await http.RequestServices.GetRequiredService<ApiClients>().Raw();
        using var response = await raw.GetAsync($"api/placements/{id}", http.RequestAborted);
        if (!response.IsSuccessStatusCode) return null;
        return JsonConvert.DeserializeObject<ProviderPlacementDto>(await response.Content.ReadAsStringAsync(http.RequestAborted));
    }

    /// <summary>Minutes as German decimal hours: 240 → "4", 150 → "2,5", 135 → "2,25".</summary>
    public static string Hours(int minutes) =>
        (minutes / 60m).ToString("0.##", CultureInfo.GetCultureInfo("de-DE"));

    /// <summary>"4", "2,5", "2.5", "2,25" or "2:30" as minutes; empty is null (nothing to save). The API checks quarter hours and the caps.</summary>
    public static bool TryMinutes(string? text, out int? minutes)
    {
        minutes = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var t = text.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (t.Contains(':', StringComparison.Ordinal))
        {
            var parts = t.Split(':');
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m > 59 || h > 24) return false;
            minutes = h * 60 + m;
            return true;
        }
        if (!decimal.TryParse(t.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours) || hours > 24) return false;
        var value = hours * 60;
        if (value != decimal.Truncate(value)) return false;
        minutes = (int)value;
        return true;
    }

    /// <summary>The API's weekday of a date.</summary>
    public static Weekday WeekdayOf(DateOnly date) =>
        Enum.GetValues<Weekday>().First(w => LabelTable<Weekday>.Wire(w) == date.DayOfWeek.ToString().ToLowerInvariant());

    /// <summary>The agreed minutes on a date's weekday (the sum of the schedule's blocks on it).</summary>
    public static int PlannedMinutes(IReadOnlyList<ScheduleBlockDto>? schedule, DateOnly date)
    {
        if (schedule is null) return 0;
        var day = WeekdayOf(date);
        return schedule.Where(b => b.Weekday == day).Sum(b => Minutes(b.To) - Minutes(b.From));
    }

    private static int Minutes(string hhmm) =>
        TimeOnly.TryParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t.Hour * 60 + t.Minute : 0;

    /// <summary>"Di 09:00–13:00, Do 09:00–13:00".</summary>
    public static string Times(IReadOnlyList<ScheduleBlockDto>? schedule) => schedule is { Count: > 0 } blocks
        ? string.Join(", ", blocks.OrderBy(b => b.Weekday).ThenBy(b => b.From, StringComparer.Ordinal).Select(b => $"{Labels.Weekday.Text(b.Weekday)} {b.From}–{b.To}"))
        : "nicht festgelegt";

    /// <summary>A problem the generated client does not produce (a raw call): read like the client's.</summary>
    public static async Task<ApiProblem> Problem(HttpResponseMessage response, CancellationToken ct) =>
        ApiProblem.From(new AghApiException("", (int)response.StatusCode, await response.Content.ReadAsStringAsync(ct),
            new Dictionary<string, IEnumerable<string>>(), null));
}
