using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Tasks;

/// <summary>
/// The open work of /api/tasks in the staff's words (issue 20): a heading per kind with its plural, the due date, and the page
/// where the action is done, so every task is one click from its form.
/// </summary>
public static class TaskLinks
{
    private static readonly string[] MonthNames =
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

    /// <summary>"3. Dezember 2026".</summary>
    public static string LongDate(DateOnly d) => $"{d.Day}. {MonthNames[d.Month - 1]} {d.Year}";

    /// <summary>The heading of a group: "1 Weigerung zu bewerten", "3 Weigerungen zu bewerten".</summary>
    public static string Heading(OpenTaskKind kind, int n)
    {
        var (one, many) = kind switch
        {
            OpenTaskKind.RefusalToAssess => ("Weigerung zu bewerten", "Weigerungen zu bewerten"),
            OpenTaskKind.HearingDue => ("Anhörung durchzuführen", "Anhörungen durchzuführen"),
            OpenTaskKind.ProposalDue => ("Einschränkung vorzuschlagen", "Einschränkungen vorzuschlagen"),
            OpenTaskKind.NoticeToDispatch => ("Bescheid zu versenden", "Bescheide zu versenden"),
            OpenTaskKind.ObjectionToDecide => ("Widerspruch zu entscheiden", "Widersprüche zu entscheiden"),
            OpenTaskKind.ProposalToDecide => ("Vorschlag zu entscheiden", "Vorschläge zu entscheiden"),
            OpenTaskKind.ReviewDue => ("Einschränkung zu überprüfen", "Einschränkungen zu überprüfen"),
            OpenTaskKind.ExemptionEnding => ("Befreiung endet bald", "Befreiungen enden bald"),
            OpenTaskKind.PlacementStarting => ("Arbeitsgelegenheit beginnt bald", "Arbeitsgelegenheiten beginnen bald"),
            OpenTaskKind.PlacementEnding => ("Arbeitsgelegenheit endet bald", "Arbeitsgelegenheiten enden bald"),
            OpenTaskKind.HoursMissing => ("Arbeitsgelegenheit ohne Stunden der Vorwoche", "Arbeitsgelegenheiten ohne Stunden der Vorwoche"),
            OpenTaskKind.RunToReview => ("Auszahlungslauf zu prüfen", "Auszahlungsläufe zu prüfen"),
            OpenTaskKind.RunToRelease => ("Auszahlungslauf freizugeben", "Auszahlungsläufe freizugeben"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return n == 1 ? $"1 {one}" : $"{n} {many}";
    }

    /// <summary>"fällig am 3. Dezember 2026", "überfällig seit 1. Dezember 2026", or null without a due date.</summary>
    public static string? Due(OpenTaskDto task, DateOnly today) => task.DueOn switch
    {
        null => null,
        { } d when d < today => $"überfällig seit {LongDate(d)}",
        { } d => $"fällig am {LongDate(d)}",
    };

    /// <summary>The page where the task's action is done; null when the task names nothing to open.</summary>
    public static string? Href(IUrlHelper url, OpenTaskDto t, IReadOnlyDictionary<Guid, Guid> offerOfPlacement) => t.Kind switch
    {
        OpenTaskKind.RefusalToAssess or OpenTaskKind.HearingDue or OpenTaskKind.ProposalDue when t.PlacementId is { } p && t.RefusalId is { } r =>
            url.Page("/Placements/Refusals/Details", new { id = p, refusalId = r }),
        OpenTaskKind.NoticeToDispatch when t.NoticeId is { } n => url.Page("/Notices/Show", new { id = n }),
        OpenTaskKind.ObjectionToDecide when t.ProposalId is { } pr => url.Page("/SanctionProposals/Detail", new { id = pr }),
        OpenTaskKind.ObjectionToDecide when t.PlacementId is { } p => url.Page("/Placements/Objection", new { id = p }),
        OpenTaskKind.ProposalToDecide or OpenTaskKind.ReviewDue when t.ProposalId is { } pr => url.Page("/SanctionProposals/Detail", new { id = pr }),
        OpenTaskKind.PlacementStarting or OpenTaskKind.PlacementEnding when t.PlacementId is { } p => url.Page("/Placements/Details", new { id = p }),
        // The week before the one the task became open in: the offer's grid, else the placement's own hours.
        OpenTaskKind.HoursMissing when t.PlacementId is { } p => offerOfPlacement.TryGetValue(p, out var offer)
            ? url.Page("/Offers/Week", new { id = offer, week = AGH.Web.Pages.Offers.WeekModel.Code(t.Since.AddDays(-7)) })
            : url.Page("/Placements/Hours", new { id = p, week = AGH.Web.Pages.Offers.WeekModel.Code(t.Since.AddDays(-7)) }),
        OpenTaskKind.RunToReview or OpenTaskKind.RunToRelease when t.RunId is { } run => url.Page("/PayoutRuns/Details", new { id = run }),
        _ when t.PersonId is { } person => url.Page("/Persons/Show", new { id = person }),
        _ => null,
    };

    /// <summary>The offers of the placements that miss hours (one list read), for the week grid link.</summary>
    public static async Task<IReadOnlyDictionary<Guid, Guid>> OffersOf(AghClient api, IReadOnlyCollection<OpenTaskDto> tasks)
    {
        if (!tasks.Any(t => t.Kind == OpenTaskKind.HoursMissing)) return new Dictionary<Guid, Guid>();
        try
        {
            return (await api.ListPlacementsAsync(null, null, "active", 1, 500, null)).ToDictionary(p => p.Id, p => p.OfferId);
        }
        catch (AghApiException e) when (e.StatusCode is 400 or 403)
        {
            return new Dictionary<Guid, Guid>();
        }
    }

    /// <summary>The caller's open tasks; none for a role that has no task list.</summary>
    public static async Task<IReadOnlyList<OpenTaskDto>> Load(AghClient api)
    {
        try
        {
            return (await api.ListTasksAsync()).ToList();
        }
        catch (AghApiException e) when (e.StatusCode == 403)
        {
            return [];
        }
    }
}
