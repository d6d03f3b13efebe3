using System.Reflection;
using System.Runtime.Serialization;
using System.Security.Cryptography;
using System.Text;
using AGH.Web.Api;

namespace AGH.Web.Pages.Placements;

/// <summary>German words for the placement's API values (the API's codes stay the data).</summary>
public static class PlacementTexts
{
    public static string Status(PlacementStatus status) => status == PlacementStatus.Active ? "läuft" : "beendet";

    public static string EndReason(AGH.Web.Api.EndReason? reason) => EndReason(reason is { } r ? Wire(r) : null);

    public static string EndReason(string? reason) => reason switch
    {
        "regular-employment" => "Aufnahme einer regulären Beschäftigung",
        "training" => "Ausbildung",
        "studies" => "Studium",
        "entitlement-ended" => "Ende des Leistungsanspruchs",
        "offer-ended" => "Ende des Angebots",
        "moved-away" => "Umzug",
        "other" => "Sonstiger Grund",
        null => "–",
        _ => reason,
    };

    public static string Kind(RefusalKind kind) => kind switch
    {
        RefusalKind.Explicit => "ausdrückliche Weigerung",
        RefusalKind.NoShow => "Nichterscheinen",
        RefusalKind.DroppedOut => "Abbruch",
        _ => kind.ToString(),
    };

    /// <summary>The reasons the API accepts for a recognised good cause (the exemption reasons), in German.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> GoodCauseReasons =
    [
        ("illness", "Krankheit"),
        ("disability", "Behinderung"),
        ("childcare", "Betreuung eines Kindes"),
        ("care-of-relative", "Pflege einer oder eines Angehörigen"),
        ("retirement-age", "Altersgrenze erreicht"),
        ("employment", "Beschäftigung"),
        ("training", "Ausbildung"),
        ("studies", "Studium"),
        ("other", "Sonstiger wichtiger Grund"),
    ];

    public static string GoodCauseReason(ExemptionReason? value) => GoodCauseReason(value is { } v ? Wire(v) : null);

    /// <summary>The API's value of a generated enum member (its EnumMember name, e.g. <c>care-of-relative</c>).</summary>
    public static string Wire<T>(T value) where T : struct, Enum =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? value.ToString();

    /// <summary>The generated enum member the API calls <paramref name="value"/>, or null.</summary>
    public static T? FromWire<T>(string? value) where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => Wire(v) == value).Select(v => (T?)v).FirstOrDefault();

    public static string GoodCauseReason(string? value) =>
        GoodCauseReasons.FirstOrDefault(r => r.Value == value).Label ?? value ?? "–";

    public static (string Text, string Css) Proposal(ProposalStatus status) => status switch
    {
        ProposalStatus.Pending => ("wartet auf Entscheidung", "warn"),
        ProposalStatus.Approved => ("bewilligt", "bad"),
        ProposalStatus.Rejected => ("abgelehnt", "neutral"),
        _ => (status.ToString(), "neutral"),
    };

    /// <summary>
    /// An Idempotency-Key derived from the form's request key and what one call sends: a double-click repeats the same
    /// key (one entry stored), while a changed value after a refusal is a new request with a new key.
    /// </summary>
    public static string Key(Guid requestKey, params object[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(requestKey + "|" + string.Join("|", parts)));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
