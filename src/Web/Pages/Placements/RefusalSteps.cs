namespace AGH.Web.Pages.Placements;

/// <summary>Where a refusal stands in the flow, from what the API returned: which steps are done and which comes next.</summary>
public sealed record RefusalStepsModel(int Current, bool Assessed, bool Heard, bool Proposed, bool GoodCause)
{
    public static readonly IReadOnlyList<string> Names = ["Weigerung erfasst", "Bewertung", "Anhörung", "Vorschlag Leistungseinschränkung"];

    public bool Done(int step) => step switch
    {
        1 => Current > 1 || Assessed || Heard || Proposed,
        2 => Assessed,
        3 => Heard,
        4 => Proposed,
        _ => false,
    };

    /// <summary>The first step not yet done, or null when the flow has ended (a proposal, or a recognised good cause).</summary>
    public int? Next => Proposed || GoodCause ? null : !Assessed ? 2 : !Heard ? 3 : 4;

    /// <summary>"Es fehlt noch: …" in words, naming every step before the proposal that is still open.</summary>
    public string? Missing
    {
        get
        {
            if (Next is null) return null;
            var open = new List<string>();
            if (!Assessed) open.Add("die Bewertung (Schritt 2: liegt ein wichtiger Grund vor?)");
            if (!Heard) open.Add("die Anhörung (Schritt 3)");
            if (open.Count == 0) return "Es fehlt noch: der Vorschlag der Leistungseinschränkung (Schritt 4).";
            return "Es fehlt noch: " + string.Join(" und ", open) + ". Erst danach kann eine Leistungseinschränkung vorgeschlagen werden.";
        }
    }
}
