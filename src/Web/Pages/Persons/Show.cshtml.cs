using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Persons;

/// <summary>A person's page: what the API says about status, exemptions, placements, restriction and the case's history.</summary>
public sealed class ShowModel : StaffPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public PersonDto Person { get; private set; } = null!;
    public IReadOnlyList<PlacementDto> Placements { get; private set; } = [];
    public IReadOnlyDictionary<Guid, OfferDto> Offers { get; private set; } = new Dictionary<Guid, OfferDto>();

    /// <summary>Newest first: the caseworker opens the page to see what happened last.</summary>
    public IReadOnlyList<HistoryEntryDto> Timeline { get; private set; } = [];

    public bool TimelineHidden { get; private set; }

    /// <summary>The person's notices, those waiting for dispatch first, then newest first.</summary>
    public IReadOnlyList<NoticeDto> Notices { get; private set; } = [];

    /// <summary>Only a notice the service wrote has a PDF (one served outside it answers 409 notice-external).</summary>
    public bool HasPdf(PlacementDto p) => Notices.FirstOrDefault(n => n.Id == p.NoticeId) is not { Origin: NoticeOrigin.External };

    /// <summary>This person's open tasks (issue 20), each linked to where it is done; empty for roles without a task list.</summary>
    public IReadOnlyList<OpenTaskDto> Tasks { get; private set; } = [];
    public IReadOnlyDictionary<Guid, Guid> TaskOffers { get; private set; } = new Dictionary<Guid, Guid>();

    /// <summary>For a record closed as doppelt erfasst: the führende Akte (null when the caller may not read it).</summary>
    public PersonDto? Kept { get; private set; }

    /// <summary>Correction and "doppelt erfasst": caseworkers of the person's municipality, on an open record.</summary>
    public bool MayCorrect => User.Role() == Roles.Caseworker && User.Municipality() == Person.Municipality
        && Person.ErasedOn is null && Person.Status != PersonStatus.Duplicate;

    public bool HasActivePlacement => Person.ActivePlacementId is not null || Placements.Any(p => p.Status != PlacementStatus.Ended);

    public async Task OnGet()
    {
        var api = await Api();
        Person = await api.GetPersonAsync(Id, null);
        if (Person.DuplicateOf is { } keptId)
            Kept = await OptionalRead.Of(() => api.GetPersonAsync(keptId, null));
        Placements = (await api.ListPlacementsAsync(Id, null, null, 1, 500, null)).OrderByDescending(p => p.StartsOn).ToList();
        var offers = new Dictionary<Guid, OfferDto>();
        foreach (var offerId in Placements.Select(p => p.OfferId).Distinct())
            offers[offerId] = await api.GetOfferAsync(offerId);
        Offers = offers;
        if (User.Role() is Roles.Caseworker or Roles.Official)
        {
            Tasks = (await AGH.Web.Pages.Tasks.TaskLinks.Load(api)).Where(t => t.PersonId == Id).OrderBy(t => t.Since).ToList();
            TaskOffers = Placements.ToDictionary(p => p.Id, p => p.OfferId);
        }
        var notices = new List<NoticeDto>();
        try
        {
            for (var page = 1; ; page++)
            {
                var batch = (await api.ListNoticesAsync(Id, null, page, 500)).ToList();
                notices.AddRange(batch);
                if (batch.Count < 500 || notices.Count >= (api.LastTotalCount ?? notices.Count)) break;
            }
        }
        catch (AghApiException e) when (e.StatusCode == 403)
        {
            // Roles that read the person but not the notices: the rest of the page still helps.
        }
        Notices = notices.OrderBy(n => n.Dispatch is null ? 0 : 1).ThenByDescending(n => n.IssuedOn).ThenBy(n => n.Id).ToList();
        try
        {
            var history = await api.GetPersonHistoryAsync(Id, null, null, null);
            Timeline = history.Entries.OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Sequence).ToList();
        }
        catch (AghApiException e) when (e.StatusCode == 403)
        {
            // Officials read the person but not the history (caseworkers and auditors do): the rest of the page still helps.
            TimelineHidden = true;
        }
    }

    /// <summary>Willingness, legal status and changes to exemptions: caseworkers and officials (contract v3a, roles table).</summary>
    public bool MayRecordProcedure => User.Is(Roles.Caseworker, Roles.Official);

    /// <summary>The last day an exemption was ended on (not its first recorded end), from the history.</summary>
    public DateOnly? EndedOn(ExemptionDto e) =>
        Timeline.Where(h => HistoryFacts.Is(h, "ExemptionEnded") && HistoryFacts.Field(h, "exemptionId") is { } id
                && Guid.TryParse(id, out var g) && g == e.ExemptionId)
            .Select(h => HistoryFacts.Date(h, "until")).FirstOrDefault();

    public string OfferTitle(Guid offerId) => Offers.TryGetValue(offerId, out var o) ? o.Title : "–";

    public string? ProviderName(Guid offerId) => Offers.TryGetValue(offerId, out var o) ? o.ProviderName : null;

    /// <summary>Whether an exemption covers today: only to mark it in the list; the status the API returns stays what counts.</summary>
    public bool Current(ExemptionDto e) => e.From <= Today && (e.Until is not { } u || u >= Today);
}
