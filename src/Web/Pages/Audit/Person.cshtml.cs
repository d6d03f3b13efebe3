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

    /// <summary>The placements as recorded at the instant (GET /api/placements?personId=&amp;asOf=), with their hours, refusals and proposals.</summary>
    public IReadOnlyList<PlacementDto> Placements { get; private set; } = [];
    public IReadOnlyDictionary<Guid, OfferDto> Offers { get; private set; } = new Dictionary<Guid, OfferDto>();

    /// <summary>Every hour entry of the placements, also those a placement's answer leaves out (more than 100).</summary>
    private List<HourEntryDto> AllHours { get; } = [];

    public string OfferTitle(Guid offerId) => Offers.TryGetValue(offerId, out var o) ? o.Title : "–";

    /// <summary>The effective minutes (corrections applied) per calendar month, across placements, oldest first.</summary>
    public IReadOnlyList<(string Month, int Minutes, int Entries)> HoursByMonth =>
        AllHours.Where(h => !h.Superseded && h.Minutes > 0)
            .GroupBy(h => h.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Sum(h => h.Minutes), g.Count())).ToList();

    public IReadOnlyList<(PlacementDto Placement, SanctionProposalDto Proposal)> Proposals =>
        Placements.SelectMany(p => p.SanctionProposals.Select(x => (p, x))).ToList();

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
        if (State is not null)
        {
            // The placements as they stood: replayed to the instant by the API; without an instant, as they are now.
            Placements = (iso is null ? await api.ListPlacementsAsync(Id, null, null, 1, 500, null) : await api.ListPlacementsAsync(Id, null, null, null, null, iso))
                .OrderBy(p => p.StartsOn).ToList();
            // A list and an as-of read carry all entries (hoursTotal = their count): nothing is paged then, so an
            // as-of view never mixes in today's entries.
            foreach (var placement in Placements) AllHours.AddRange(await PlacementHoursReads.All(api, placement));
            var offers = new Dictionary<Guid, OfferDto>();
            foreach (var offerId in Placements.Select(p => p.OfferId).Distinct()) offers[offerId] = await api.GetOfferAsync(offerId);
            Offers = offers;
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
