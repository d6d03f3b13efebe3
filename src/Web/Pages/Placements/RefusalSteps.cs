using AGH.Web.Infrastructure;

namespace AGH.Web.Pages.Placements;

/// <summary>
/// Where a refusal stands in the flow, from what the API returned: which steps are done and which comes next. The
/// hearing (step 3) is met by a hearing held, or by an invitation whose deadline has passed (contract v3a).
/// </summary>
public sealed record RefusalStepsModel(int Current, bool Assessed, bool Heard, bool Proposed, bool GoodCause,
    DateOnly? InvitationDeadline = null, DateOnly? Today = null)
{
    public static readonly IReadOnlyList<string> Names = ["Weigerung erfasst", "Bewertung", "Anhörung", "Vorschlag Anspruchseinschränkung"];

    public bool Invited => InvitationDeadline is not null;

    /// <summary>Invited and the deadline still runs (today is its last day at most) with no hearing held.</summary>
    public bool DeadlineRunning => !Heard && InvitationDeadline is { } d && Today is { } t && d >= t;

    public bool HearingMet => Heard || (Invited && !DeadlineRunning);

    public bool Done(int step) => step switch
    {
        // Step 1 is open only on the page that records the refusal (Current 1); on the refusal's own page it is recorded.
        1 => Current != 1,
        2 => Assessed,
        3 => HearingMet,
        4 => Proposed,
        _ => false,
    };

    /// <summary>The first step not yet done, or null when the flow has ended (a proposal, or a recognised good cause).</summary>
    public int? Next => Proposed || GoodCause ? null : !Assessed ? 2 : !HearingMet ? 3 : 4;

    /// <summary>The invitation as its own visible step (3a): done, skipped (heard without one), or still possible.</summary>
    public string InvitationState =>
        Invited ? $"– eingeladen, Frist bis {Format.Date(InvitationDeadline)}"
        : Heard ? "– entfällt (angehört ohne Einladung)"
        : GoodCause ? "– entfällt"
        : "– offen";

    /// <summary>"Es fehlt noch: …" in words, naming every step before the proposal that is still open.</summary>
    public string? Missing
    {
        get
        {
            if (Next is null) return null;
            var open = new List<string>();
            if (!Assessed) open.Add("die Bewertung (Schritt 2: liegt ein wichtiger Grund vor?)");
            if (!HearingMet)
                open.Add(DeadlineRunning
                    ? $"die Anhörung (Schritt 3) – die Frist zur Äußerung läuft noch bis zum {Format.Date(InvitationDeadline)}"
                    : "die Anhörung (Schritt 3)");
            if (open.Count == 0) return "Es fehlt noch: der Vorschlag der Anspruchseinschränkung (Schritt 4).";
            return "Es fehlt noch: " + string.Join(" und ", open) + ". Erst danach kann eine Anspruchseinschränkung vorgeschlagen werden.";
        }
    }
}
