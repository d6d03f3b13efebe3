namespace AGH.Api.Notices;

/// <summary>
/// What an Abhilfe- or Widerspruchsbescheid names. <paramref name="Objected"/>: the notice objected to, in words;
/// <paramref name="Relief"/>: what the (partial) Abhilfe grants; <paramref name="Stands"/>: what stays after a partial one
/// or a dismissal; <paramref name="Partly"/>: the Widerspruch was partly upheld (two notices, § 85 Abs. 1 and 2 SGG).
/// </summary>
public sealed record ObjectionNoticeData(
    Person Person, NoticeKind Kind, string Version, DateOnly IssuedOn, string SignedBy, string Office, string Objected, DateOnly ReceivedOn,
    string Relief, string? Stands, bool Partly, string Reasoning, PlacementObjectionCosts? Costs);

/// <summary>
/// The decisions on a Widerspruch (§ 85 SGG): the Abhilfebescheid (no further remedy) and the Widerspruchsbescheid with its
/// Rechtsmittelbelehrung (Klage to the Sozialgericht of Notices:Court, § 87 SGG); each decides the costs (§ 80 VwVfG i. V. m.
/// § 1 NVwVfG, no fee).
/// </summary>
public static class ObjectionNoticeText
{
    private static string D(DateOnly d) => NoticeWriter.Date(d);

    public static byte[] Render(ObjectionNoticeData data, NoticeSettings settings) =>
        data.Kind == NoticeKind.Abhilfebescheid ? Relief(data, settings) : Dismissal(data, settings);

    private static void Header(NoticeWriter w, ObjectionNoticeData data, string name) => w.Addressee(name, data.Person, data.Office, data.IssuedOn);

    private static byte[] Relief(ObjectionNoticeData data, NoticeSettings settings)
    {
        var name = $"{data.Person.GivenName} {data.Person.FamilyName}";
        using var w = new NoticeWriter(settings, data.Version, "Abhilfebescheid");
        Header(w, data, name);
        w.Title(data.Partly ? "Abhilfebescheid (§ 85 Abs. 1 SGG) – teilweise Abhilfe" : "Abhilfebescheid (§ 85 Abs. 1 SGG)");
        w.Paragraph($"Guten Tag {name},");
        w.Paragraph($"Ihrem Widerspruch vom {D(data.ReceivedOn)} gegen {data.Objected} wird {(data.Partly ? "teilweise " : "")}abgeholfen: {data.Relief}");
        if (data.Partly)
            w.Paragraph("Soweit Ihrem Widerspruch nicht abgeholfen wird, entscheidet die Widerspruchsbehörde mit gesondertem Widerspruchsbescheid (§ 85 Abs. 2 SGG).");
        w.Heading("Kosten");
        w.Paragraph(Rechtsmittelbelehrung.Costs(data.Costs));
        w.Heading("Begründung (§ 39 VwVfG)");
        w.Paragraph(data.Reasoning);
        RestrictionNoticeText.Signature(w, data.SignedBy, data.Office);
        return w.Finish();
    }

    private static byte[] Dismissal(ObjectionNoticeData data, NoticeSettings settings)
    {
        var name = $"{data.Person.GivenName} {data.Person.FamilyName}";
        using var w = new NoticeWriter(settings, data.Version, "Widerspruchsbescheid");
        Header(w, data, name);
        w.Title("Widerspruchsbescheid (§ 85 Abs. 2 SGG)");
        w.Paragraph($"Guten Tag {name},");
        w.Paragraph(data.Partly
            ? $"Ihr Widerspruch vom {D(data.ReceivedOn)} gegen {data.Objected} wird zurückgewiesen, soweit ihm nicht mit Abhilfebescheid vom "
                + $"{D(data.IssuedOn)} abgeholfen wurde ({data.Relief}). {data.Stands}"
            : $"Ihr Widerspruch vom {D(data.ReceivedOn)} gegen {data.Objected} wird zurückgewiesen. {data.Stands}");
        w.Heading("Kosten");
        w.Paragraph(Rechtsmittelbelehrung.Costs(data.Costs));
        w.Heading("Begründung (§ 39 VwVfG)");
        w.Paragraph(data.Reasoning);
        Rechtsmittelbelehrung.Write(w, settings);
        RestrictionNoticeText.Signature(w, data.SignedBy, data.Office);
        return w.Finish();
    }
}
