namespace AGH.Api.Notices;

/// <summary>English translation of the Belehrungen (machine-made draft; a sworn translator must review it before use).</summary>
public static class EnglishAnnex
{
    public static readonly AnnexTranslation V1 = new(
        Language: "en",
        Version: "rfb-en-v1",
        RightToLeft: false,
        Marker: "Translation – not legally binding",
        GermanBinding: "Only the German notice is legally binding. This translation is meant to help you understand it.",
        ConsequencesHeading: "Information on the legal consequences (§ 5 Abs. 4 S. 2 und 3 AsylbLG)",
        Consequences:
        [
            "If you refuse this work opportunity without an important reason – expressly, by not appearing or by stopping the work –, "
                + "under § 5 Abs. 4 S. 2 AsylbLG in conjunction with § 1a Abs. 1 AsylbLG you are then only entitled to benefits covering "
                + "your needs for food and accommodation, including heating, as well as personal hygiene and health care. You will then "
                + "not receive other benefits, in particular for personal needs.",
            "Before such a decision is taken, you will be heard (§ 28 VwVfG). Under § 14 Abs. 1 AsylbLG the restriction of benefits is "
                + "limited to six months. Under § 14 Abs. 2 AsylbLG it can be continued for further periods of six months each if you "
                + "continue to breach your duty; this is decided after a new hearing. It ends when the six months have passed if it is "
                + "not continued, and earlier as soon as you take up the work again, seriously declare that you are willing to do so, or "
                + "your duty ceases (§ 9 Abs. 4 S. 1 Nr. 1 AsylbLG in conjunction with § 48 SGB X). An objection against a restriction "
                + "of benefits has no suspensive effect (§ 11 Abs. 4 AsylbLG).",
            "You receive this information under § 5 Abs. 4 S. 3 AsylbLG before you take up the work.",
        ],
        NoSuspensiveEffectHeading: "No suspensive effect (§ 11 Abs. 4 AsylbLG)",
        NoSuspensiveEffect: "An objection or a lawsuit against this notice has no suspensive effect (§ 11 Abs. 4 AsylbLG): the restriction "
            + "also applies as long as no decision has been taken on an objection.",
        DutyContinues: "Your duty to take up the work opportunity and the information on the legal consequences you were given continue to apply.",
        RemedyHeading: "Information on legal remedies (§ 37 Abs. 6 VwVfG)",
        Remedy: (office, email) =>
        [
            "An objection (Widerspruch) can be lodged against this notice within one month after it has been made known to you "
                + "(§ 84 Abs. 1 SGG). The objection must be lodged in writing, in electronic form under § 36a Abs. 2 SGB I, or for the "
                + $"record at the following office: {office}.",
            "In electronic form under § 36a Abs. 2 SGB I, the objection must be submitted with a qualified electronic signature or by "
                + $"another secure transmission route permitted there (e-mail address of the authority: {email}); a simple e-mail is not sufficient.",
            "The deadline is also met if the objection reaches another German authority or a social insurance institution within the "
                + "deadline (§ 84 Abs. 2 SGG).",
        ]);

    /// <summary>
    /// rfb-en-v2: the corrected Rechtsfolgenbelehrung of heranziehungsbescheid-v2 (§ 4 AsylbLG care continues, § 1a Abs. 1
    /// S. 3 AsylbLG, how to avoid a restriction), paragraph by paragraph as <see cref="AssignmentNoticeText.ConsequencesV2"/>.
    /// </summary>
    public static readonly AnnexTranslation V2 = V1 with
    {
        Version = "rfb-en-v2",
        Consequences =
        [
            "If you refuse this work opportunity without an important reason – expressly, by not appearing or by stopping "
                + "the work –, under § 5 Abs. 4 S. 2 AsylbLG in conjunction with § 1a Abs. 1 S. 2 AsylbLG you are then only "
                + "entitled to benefits covering your needs for food and accommodation, including heating, as well as personal "
                + "hygiene and health care.",
            V1.Consequences[1],
            "Benefits in case of illness, pregnancy and birth under § 4 AsylbLG are not restricted by such a restriction of "
                + "benefits; you continue to receive them. The restriction of benefits concerns only you, not your family "
                + "members.",
            "Where special circumstances exist in the individual case, other benefits within the meaning of § 3 Abs. 1 S. 1 "
                + "AsylbLG may also be granted to you (§ 1a Abs. 1 S. 3 AsylbLG). Please tell us about such circumstances; we "
                + "examine them before every decision.",
            "How to avoid a restriction of benefits: take up the work at the working times stated above and continue it. If "
                + "you cannot take up the work or cannot work on a particular day, tell us and the place of work the reason at "
                + "once, if possible before work starts, and prove it, for example with a medical certificate of incapacity for "
                + "work. If there is an important reason, your benefits will not be restricted.",
            V1.Consequences[2],
        ],
    };
}
