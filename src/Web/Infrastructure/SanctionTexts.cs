using AGH.Web.Api;

namespace AGH.Web.Infrastructure;

/// <summary>German words for the states of a sanction proposal, its restriction and objection, as the API names them.</summary>
public static class SanctionTexts
{
    public static (string Text, string Css) Proposal(ProposalStatus status) => status switch
    {
        ProposalStatus.Pending => ("zu entscheiden", "warn"),
        ProposalStatus.Approved => ("bewilligt", "ok"),
        ProposalStatus.Rejected => ("abgelehnt", "neutral"),
        _ => (status.ToString(), "neutral"),
    };

    public static (string Text, string Css) Restriction(RestrictionStatus status) => status switch
    {
        RestrictionStatus.InForce => ("in Kraft", "bad"),
        RestrictionStatus.EndedEarly => ("vorzeitig beendet", "neutral"),
        RestrictionStatus.Withdrawn => ("aufgehoben (Abhilfe)", "neutral"),
        RestrictionStatus.Expired => ("abgelaufen", "neutral"),
        _ => (status.ToString(), "neutral"),
    };

    public static (string Text, string Css) Objection(ObjectionStatus status) => status switch
    {
        ObjectionStatus.Pending => ("offen", "warn"),
        ObjectionStatus.Upheld => ("stattgegeben (Abhilfe)", "ok"),
        ObjectionStatus.Dismissed => ("zurückgewiesen", "neutral"),
        _ => (status.ToString(), "neutral"),
    };

    public static readonly IReadOnlyList<(RestrictionEndReason Value, string Label)> EndReasons =
    [
        (RestrictionEndReason.DutyFulfilled, "Pflicht wird wieder erfüllt"),
        (RestrictionEndReason.WillingNoPlace, "ernsthaft bereit, aber kein Platz frei"),
        (RestrictionEndReason.DutyLapsed, "Pflicht entfallen (Arbeit, Ausbildung, Befreiung, Altersgrenze, Leistungsende)"),
        (RestrictionEndReason.Other, "anderer Grund"),
    ];

    public static string RefusalKind(RefusalKind kind) => kind switch
    {
        Api.RefusalKind.Explicit => "ausdrücklich abgelehnt",
        Api.RefusalKind.NoShow => "nicht erschienen",
        Api.RefusalKind.DroppedOut => "abgebrochen",
        _ => kind.ToString(),
    };

    /// <summary>Names every way the within select offers, in days.</summary>
    public static readonly IReadOnlyList<(int Days, string Label)> Within =
        [(7, "7 Tagen"), (14, "14 Tagen"), (30, "30 Tagen"), (60, "60 Tagen"), (90, "90 Tagen"), (183, "6 Monaten"), (366, "12 Monaten")];
}
