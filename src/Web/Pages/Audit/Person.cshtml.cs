using System.Globalization;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Audit;

/// <summary>
/// A person's complete history for the Rechnungsprüfung: who did what, when, on which legal basis; the record as it stood
/// at a chosen instant (Europe/Berlin); and the log of every read of the history.
/// </summary>
public sealed class PersonModel : StaffPage
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    /// <summary>The value of the datetime-local picker: Berlin wall-clock time, no offset.</summary>
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }

    public DateTimeOffset? Instant { get; private set; }
    public PersonDto Current { get; private set; } = null!;
    public PersonDto? State { get; private set; }
    public HistoryDto History { get; private set; } = null!;
    public IReadOnlyList<AccessLogEntryDto> AccessLog { get; private set; } = [];

    public async Task OnGet()
    {
        if (!string.IsNullOrWhiteSpace(AsOf))
        {
            Instant = ParseBerlin(AsOf.Trim());
            if (Instant is null) ModelState.AddModelError(nameof(AsOf), "Bitte Datum und Uhrzeit vollständig angeben.");
        }
        var api = await Api();
        Current = await api.GetPersonAsync(Id, null);
        var iso = Instant?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        History = await api.GetPersonHistoryAsync(Id, iso, null, null);
        if (iso is null) State = Current;
        else
        {
            try
            {
                State = await api.GetPersonAsync(Id, iso);
            }
            catch (AghApiException e) when (e.StatusCode == 404)
            {
                State = null;
            }
        }
        // Read after the history, so the log already lists this very read.
        AccessLog = (await api.GetPersonAccessLogAsync(Id)).OrderByDescending(a => a.ReadAt).ToList();
    }

    public static DateTimeOffset? ParseBerlin(string text)
    {
        if (!DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.fff"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local))
            return null;
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Berlin.GetUtcOffset(unspecified));
    }

    public static string PickerValue(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Berlin).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The chosen instant to the second, as the picker took it.</summary>
    public static string Precise(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Berlin).ToString("dd.MM.yyyy, HH:mm:ss", CultureInfo.InvariantCulture) + " Uhr";

    public static string Purpose(string purpose) => purpose switch
    {
        "history" => "Verlauf gelesen",
        "export" => "Auskunft (Art. 15 DSGVO)",
        _ => purpose,
    };

    public static string Data(object? data) => data switch
    {
        null => "",
        Newtonsoft.Json.Linq.JToken token => token.ToString(Newtonsoft.Json.Formatting.Indented),
        _ => Newtonsoft.Json.JsonConvert.SerializeObject(data, Newtonsoft.Json.Formatting.Indented),
    };
}
