using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Placements;

/// <summary>End a placement (POST /api/placements/{id}/end): the last day of work and why.</summary>
public sealed partial class EndModel : CommandPage
{
    public sealed class EndInput
    {
        [Required(ErrorMessage = "Bitte den letzten Arbeitstag angeben.")] public DateOnly? Date { get; set; }
        [Required(ErrorMessage = "Bitte einen Grund wählen.")] public EndReason? Reason { get; set; }
        [StringLength(500, ErrorMessage = "Bitte höchstens 500 Zeichen.")] public string? Note { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public EndInput Input { get; set; } = new();

    public PlacementDto Placement { get; private set; } = null!;
    public PersonDto Person { get; private set; } = null!;
    public OfferDto Offer { get; private set; } = null!;

    public async Task OnGet()
    {
        await Load();
        Input.Date = Today;
    }

    public async Task<IActionResult> OnPost()
    {
        await Load();
        if (!ModelState.IsValid) return Page();
        try
        {
            await (await Api()).EndPlacementAsync(Id, IdempotencyKey("end"), ETag, new EndPlacementRequest
            {
                Date = Input.Date!.Value,
                Reason = Input.Reason!.Value,
                Note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim(),
            });
        }
        catch (AghApiException e) when (e.StatusCode != 401)
        {
            var problem = ApiProblem.From(e);
            if (problem.Code == "hours-after-end" && DatesIn(problem.Detail) is { Count: > 0 } days)
                ModelState.AddModelError("Input.Date", $"{problem.Message} Stunden erfasst am: {string.Join(", ", days.Select(Format.Date))}.");
            else
                AddProblem(problem, codeFields: new Dictionary<string, string>
                {
                    ["hours-after-end"] = "Date",
                    ["date-in-future"] = "Date",
                    ["end-before-start"] = "Date",
                });
            return Page();
        }
        catch (HttpRequestException)
        {
            ModelState.AddModelError(string.Empty, "Der Dienst ist gerade nicht erreichbar. Ihre Eingaben sind erhalten; bitte erneut senden.");
            return Page();
        }
        return BackTo("/Persons/Show", new { id = Placement.PersonId },
            $"Die Arbeitsgelegenheit „{Offer.Title}“ ist beendet (letzter Arbeitstag {Format.Date(Input.Date!.Value)}).");
    }

    private async Task Load()
    {
        var api = await Api();
        Placement = Shown(await api.Tagged(c => c.GetPlacementAsync(Id)));
        Person = await api.GetPersonAsync(Placement.PersonId, null);
        Offer = await api.GetOfferAsync(Placement.OfferId);
    }

    /// <summary>The dates the API's detail names (ISO), to show them in German next to the field.</summary>
    private static List<DateOnly> DatesIn(string? detail) =>
        detail is null ? [] : IsoDate().Matches(detail).Select(m => DateOnly.ParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Skip(1).Distinct().ToList();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();
}
