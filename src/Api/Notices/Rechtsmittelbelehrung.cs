namespace AGH.Api.Notices;

/// <summary>
/// The Rechtsmittelbelehrung of a Widerspruchsbescheid (§ 85 Abs. 3 S. 4, § 87 SGG): Klage to the Sozialgericht
/// (Notices:Court) within one month of its notification, in writing, electronically or for the record of its registry.
/// </summary>
public static class Rechtsmittelbelehrung
{
    public static void Write(NoticeWriter w, NoticeSettings settings)
    {
        w.Heading("Rechtsmittelbelehrung");
        w.Paragraph("Gegen diesen Widerspruchsbescheid kann innerhalb eines Monats nach seiner Bekanntgabe Klage erhoben werden (§ 87 SGG) "
            + $"bei dem {settings.Court.Named}.");
        w.Paragraph("Die Klage ist schriftlich, in elektronischer Form (§ 65a SGG) oder zur Niederschrift der Urkundsbeamtin oder des "
            + "Urkundsbeamten der Geschäftsstelle des Gerichts zu erheben (§ 90 SGG). Sie soll den Kläger, den Beklagten und den "
            + "Gegenstand des Klagebegehrens bezeichnen und einen bestimmten Antrag enthalten (§ 92 SGG).");
    }

    /// <summary>The costs decision every objection decision carries (§ 80 VwVfG i. V. m. § 1 NVwVfG); no fee is charged.</summary>
#pragma warning disable CS8524
    public static string Costs(PlacementObjectionCosts? costs) => costs switch
    {
        PlacementObjectionCosts.Full =>
            "Die im Widerspruchsverfahren notwendigen Aufwendungen werden Ihnen in vollem Umfang erstattet (§ 80 VwVfG i. V. m. § 1 NVwVfG).",
        PlacementObjectionCosts.Partial =>
            "Die im Widerspruchsverfahren notwendigen Aufwendungen werden Ihnen zum Teil erstattet, entsprechend dem Anteil, in dem Ihrem "
            + "Widerspruch abgeholfen wurde (§ 80 VwVfG i. V. m. § 1 NVwVfG).",
        null or PlacementObjectionCosts.None => "Die im Widerspruchsverfahren entstandenen Aufwendungen werden nicht erstattet (§ 80 VwVfG i. V. m. § 1 NVwVfG).",
    } + " Gebühren werden für das Widerspruchsverfahren nicht erhoben.";
#pragma warning restore CS8524
}
