using AGH.Web.Api;
using AGH.Web.Infrastructure;

namespace AGH.Web.Pages.Placements;

/// <summary>
/// The Widerspruch against a Heranziehungsbescheid in the staff member's words: where it stands and what follows from it
/// for the duty to work (§ 86a SGG). Shown on the placement page and on the objection page; it only reads what the API
/// answered (the placement's objection and the notices of the placement).
/// </summary>
public sealed class PlacementObjectionView
{
    public PlacementObjectionView(PlacementDto placement, IReadOnlyList<NoticeDto> notices, DateOnly today)
    {
        Placement = placement;
        Notices = notices.Where(n => n.SubjectId == placement.Id).OrderBy(n => n.IssuedOn).ToList();
        Today = today;
    }

    /// <summary>The view with the person's notices; a role that may not read notices sees the objection without them.</summary>
    public static async Task<PlacementObjectionView> Load(AghClient api, PlacementDto placement, DateOnly today)
    {
        var notices = await OptionalRead.Of(() => api.ListNoticesAsync(placement.PersonId, null, null, 500));
        return new PlacementObjectionView(placement, notices?.ToList() ?? [], today);
    }

    public PlacementDto Placement { get; }

    /// <summary>The kinds the API renders as PDF today (others answer 409 notice-not-renderable): the app links only these.</summary>
#pragma warning disable CS8524 // every named kind is listed: a new kind fails the build until it is placed
    public static bool Renderable(NoticeKind kind) => kind switch
    {
        NoticeKind.Heranziehungsbescheid or NoticeKind.Einschraenkungsbescheid or NoticeKind.Mitteilung
            or NoticeKind.Abhilfebescheid or NoticeKind.Widerspruchsbescheid => true,
        // A Fortsetzungsbescheid renders from its v2 wording only; it never concerns a placement's objection.
        NoticeKind.Fortsetzungsbescheid or NoticeKind.AnordnungSofortigeVollziehung
            or NoticeKind.Aufhebungsbescheid or NoticeKind.Ablehnung or NoticeKind.Erstattungsbescheid => false,
    };
#pragma warning restore CS8524

    /// <summary>The notices about this placement: the Heranziehungsbescheid, the Anordnung, the decisions on the objection.</summary>
    public IReadOnlyList<NoticeDto> Notices { get; }

    public DateOnly Today { get; }

    public PlacementObjectionDto? Objection => Placement.Objection;

    public NoticeDto? Enforcement => Notices.LastOrDefault(n => n.Kind == NoticeKind.AnordnungSofortigeVollziehung);

    public NoticeDto? Widerspruchsbescheid => Notices.LastOrDefault(n => n.Kind == NoticeKind.Widerspruchsbescheid);

    public LawsuitDto? Lawsuit => Objection?.Lawsuit;

    public bool Pending => Objection?.Status == PlacementObjectionStatus.Pending;

    /// <summary>Dismissed, and the Klage deadline has not passed (or is not yet running) with no lawsuit recorded.</summary>
    public bool KlageOpen => Objection?.Status == PlacementObjectionStatus.Dismissed && Lawsuit is null
        && (Widerspruchsbescheid?.RemedyDeadline is not { } deadline || deadline >= Today);

    public bool LawsuitPending => Lawsuit is { Outcome: null };

    /// <summary>Whether the objection or the lawsuit still holds the duty back (so an Anordnung can still be made).</summary>
    public bool ProceedingRuns => Pending || KlageOpen || LawsuitPending;

    /// <summary>The duty is suspended: a timely objection or its Klage phase runs, and no immediate enforcement is ordered.</summary>
    public bool DutySuspended => Objection is { Timely: true } && ProceedingRuns && Enforcement is null;

    public (string Text, string Css) Badge =>
        Objection is { } o ? Labels.PlacementObjectionStatus.Badge(o.Status) : ("kein Widerspruch", "neutral");

    /// <summary>What the objection means now, one sentence each.</summary>
    public IReadOnlyList<string> Sentences
    {
        get
        {
            if (Objection is not { } o) return ["Gegen den Heranziehungsbescheid ist kein Widerspruch erfasst."];
            var lines = new List<string>
            {
                $"Widerspruch eingegangen am {Format.Date(o.ReceivedOn)}"
                    + (o.Timely ? " – innerhalb der Widerspruchsfrist." : " – nach Ablauf der Widerspruchsfrist: er hat keine aufschiebende Wirkung."),
            };
            if (DutySuspended)
                lines.Add("Die Pflicht zur Arbeit ist ausgesetzt: der Widerspruch hat aufschiebende Wirkung (§ 86a Abs. 1 SGG), zurück bis zur Bekanntgabe des Bescheids. "
                    + "Weigerungen in dieser Zeit werden nicht angenommen, und keine Weigerung aus dieser Zeit kann zu einer Anspruchseinschränkung führen. "
                    + "Stunden können weiter erfasst werden und werden bezahlt.");
            if (Enforcement is { } e)
                lines.Add($"Die sofortige Vollziehung ist angeordnet (§ 86a Abs. 2 Nr. 5 SGG, Anordnung vom {Format.Date(e.IssuedOn)}): "
                    + (e.NotifiedOn is { } n
                        ? $"die Pflicht zur Arbeit gilt wieder ab der Bekanntgabe am {Format.Date(n)}."
                        : "die Pflicht zur Arbeit gilt wieder ab der Bekanntgabe der Anordnung; sie ist noch nicht bekannt gegeben."));
            switch (o.Status)
            {
                case PlacementObjectionStatus.Pending:
                    lines.Add("Über den Widerspruch ist noch nicht entschieden.");
                    break;
                case PlacementObjectionStatus.Upheld:
                    lines.Add($"Dem Widerspruch ist am {Format.Date(o.DecidedOn)} stattgegeben (Abhilfebescheid): der Heranziehungsbescheid ist aufgehoben, "
                        + "die Arbeitsgelegenheit ist beendet. Keine Weigerung aus ihr kann zu einer Anspruchseinschränkung führen; "
                        + "Einschränkungen, die auf ihr beruhen, sind aufgehoben und die einbehaltenen Leistungen werden nachgezahlt.");
                    break;
                case PlacementObjectionStatus.Dismissed:
                    lines.Add($"Der Widerspruch ist am {Format.Date(o.DecidedOn)} zurückgewiesen (Widerspruchsbescheid).");
                    if (Lawsuit is null)
                        lines.Add(Widerspruchsbescheid?.RemedyDeadline is { } deadline
                            ? deadline >= Today
                                ? $"Klagefrist bis {Format.Date(deadline)} (§ 87 SGG); eine Klage hat ebenfalls aufschiebende Wirkung."
                                : $"Die Klagefrist ist am {Format.Date(deadline)} ohne erfasste Klage abgelaufen: die Pflicht zur Arbeit gilt wieder."
                            : "Die Klagefrist (ein Monat, § 87 SGG) beginnt mit der Bekanntgabe des Widerspruchsbescheids; bis dahin und während einer Klage bleibt die Pflicht ausgesetzt.");
                    break;
            }
            if (Lawsuit is { } l)
            {
                lines.Add($"Klage erhoben am {Format.Date(l.FiledOn)} beim {l.Court}, Aktenzeichen {l.FileNumber}.");
                lines.Add(l.Outcome is { } outcome
                    ? $"Das Klageverfahren endete am {Format.Date(l.EndedOn)}: {Labels.LawsuitOutcome.Text(outcome)}."
                      + (outcome == LawsuitOutcome.Upheld ? " Der Heranziehungsbescheid ist aufgehoben, die Arbeitsgelegenheit beendet." : " Die Pflicht zur Arbeit gilt wieder.")
                    : "Das Klageverfahren läuft.");
            }
            return lines;
        }
    }
}
