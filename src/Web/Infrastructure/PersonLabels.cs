using AGH.Web.Api;

namespace AGH.Web.Infrastructure;

/// <summary>German labels for the values the API uses on a person's case (exemption reasons, end reasons, statuses).</summary>
public static class PersonLabels
{
    public static readonly IReadOnlyList<(ExemptionReason Value, string Label)> ExemptionReasons =
    [
        (ExemptionReason.Illness, "Krankheit (Arbeitsunfähigkeit)"),
        (ExemptionReason.Disability, "Behinderung"),
        (ExemptionReason.Childcare, "Betreuung eines Kindes"),
        (ExemptionReason.CareOfRelative, "Pflege einer angehörigen Person"),
        (ExemptionReason.RetirementAge, "Altersgrenze erreicht"),
        (ExemptionReason.Employment, "Erwerbstätigkeit"),
        (ExemptionReason.Training, "Ausbildung"),
        (ExemptionReason.Studies, "Studium oder Schulbesuch"),
        (ExemptionReason.Other, "Sonstiger wichtiger Grund"),
    ];

    public static readonly IReadOnlyList<(EndReason Value, string Label)> EndReasons =
    [
        (EndReason.RegularEmployment, "Reguläre Beschäftigung möglich"),
        (EndReason.Training, "Ausbildung aufgenommen"),
        (EndReason.Studies, "Studium oder Schulbesuch aufgenommen"),
        (EndReason.EntitlementEnded, "Leistungsanspruch beendet"),
        (EndReason.OfferEnded, "Angebot beendet"),
        (EndReason.MovedAway, "Weggezogen"),
        (EndReason.Other, "Sonstiger Grund"),
    ];

    public static string Exemption(ExemptionReason reason) =>
        ExemptionReasons.FirstOrDefault(r => r.Value == reason).Label ?? reason.ToString();

    public static string End(EndReason? reason) => reason is { } r ? Label(r) : "–";

    private static string Label(EndReason reason) => EndReasons.First(r => r.Value == reason).Label;

    public static string Placement(PlacementStatus status) => status switch
    {
        PlacementStatus.Active => "läuft",
        PlacementStatus.Ended => "beendet",
        _ => status.ToString(),
    };

    public static string Provider(ProviderType type) => type switch
    {
        ProviderType.Municipality => "Kommune",
        ProviderType.District => "Landkreis",
        ProviderType.Nonprofit => "Gemeinnütziger Träger",
        _ => type.ToString(),
    };

    public static string Restriction(RestrictionStatus status) => status switch
    {
        RestrictionStatus.InForce => "in Kraft",
        RestrictionStatus.EndedEarly => "vorzeitig beendet",
        RestrictionStatus.Withdrawn => "aufgehoben",
        RestrictionStatus.Expired => "abgelaufen",
        _ => status.ToString(),
    };

    public static string Role(string? role) => Roles.Label(role);
}
