namespace AGH.Api.Notices;

/// <summary>
/// The Rechtsbehelfsbelehrung every burdening notice ends with (§ 37 Abs. 6 VwVfG): Widerspruch under § 84 SGG, since
/// AsylbLG matters go to the social courts, lodged in writing, electronically (§ 36a Abs. 2 SGB I) or for the record.
/// </summary>
public static class Rechtsbehelfsbelehrung
{
    public static void Write(NoticeWriter w, NoticeSettings settings)
    {
        var a = settings.Authority;
        w.Heading("Rechtsbehelfsbelehrung (§ 37 Abs. 6 VwVfG)");
        w.Paragraph("Gegen diesen Bescheid kann innerhalb eines Monats nach seiner Bekanntgabe Widerspruch erhoben werden (§ 84 Abs. 1 SGG). "
            + $"Der Widerspruch ist schriftlich, in elektronischer Form nach § 36a Abs. 2 SGB I oder zur Niederschrift bei folgender Stelle einzulegen: {a.ObjectionTo}.");
        // The e-mail only where the issuing authority configured one (contract v3b): no address is better than another authority's.
        w.Paragraph("In elektronischer Form nach § 36a Abs. 2 SGB I ist der Widerspruch mit einer qualifizierten elektronischen Signatur oder "
            + "auf einem anderen dort zugelassenen sicheren Übermittlungsweg einzureichen"
            + (string.IsNullOrWhiteSpace(a.Email) ? "" : $" (E-Mail-Adresse der Behörde: {a.Email})") + "; eine einfache E-Mail genügt nicht.");
        w.Paragraph("Die Frist ist auch gewahrt, wenn der Widerspruch innerhalb der Frist bei einer anderen inländischen Behörde "
            + "oder bei einem Versicherungsträger eingeht (§ 84 Abs. 2 SGG).");
    }
}
