namespace AGH.Domain.Common;

/// <summary>
/// The wording of each notice the service writes, by version. The event that records serving or deciding names the
/// version in force, so an auditor knows which text the person received; a changed wording gets a new version and the
/// old one stays renderable.
/// </summary>
public static class NoticeVersions
{
    /// <summary>Heranziehungsbescheid (§ 5 Abs. 1 to 5 AsylbLG) with Rechtsfolgenbelehrung and Rechtsbehelfsbelehrung.</summary>
    public const string AssignmentNotice = "heranziehungsbescheid-v1";

    /// <summary>
    /// Heranziehungsbescheid of contract v3b: working times, end date, Begründung, the deciding staff member and the issuing
    /// authority; its Rechtsfolgenbelehrung corrected (§ 4 care continues, § 1a Abs. 1 S. 3 AsylbLG, how to avoid a restriction).
    /// </summary>
    public const string AssignmentNoticeV2 = "heranziehungsbescheid-v2";

    /// <summary>Bescheid über die Anspruchseinschränkung (§ 5 Abs. 4 S. 2 with § 1a Abs. 1, § 14 AsylbLG).</summary>
    public const string RestrictionNotice = "einschraenkungsbescheid-v1";

    /// <summary>v3b: also the amounts, the hardship decision (§ 1a Abs. 1 S. 3 AsylbLG), the changed Bewilligungsbescheid with its basis (§ 48 or § 45 SGB X) and the official's name.</summary>
    public const string RestrictionNoticeV2 = "einschraenkungsbescheid-v2";

    /// <summary>Mitteilung that the proceeding ends without a restriction (a rejected proposal): it burdens no one, so it needs no Rechtsbehelfsbelehrung.</summary>
    public const string NoRestrictionNotice = "keine-einschraenkung-v1";

    /// <summary>Abhilfebescheid on a Widerspruch against the Heranziehungsbescheid (§ 85 Abs. 1 SGG).</summary>
    public const string PlacementObjectionUpheld = "abhilfebescheid-heranziehung-v1";

    /// <summary>Widerspruchsbescheid on a Widerspruch against the Heranziehungsbescheid (§ 85 Abs. 2 SGG), with its Klage Belehrung (§ 87 SGG).</summary>
    public const string PlacementObjectionDismissed = "widerspruchsbescheid-heranziehung-v1";

    /// <summary>Anordnung der sofortigen Vollziehung of the Heranziehungsbescheid (§ 86a Abs. 2 Nr. 5 SGG), with its § 86b SGG Belehrung.</summary>
    public const string ImmediateEnforcement = "anordnung-sofortige-vollziehung-v1";
    /// <summary>Fortsetzungsbescheid (§ 14 Abs. 2 AsylbLG): the restriction continues for a further six months.</summary>
    public const string ContinuationNotice = "fortsetzungsbescheid-v1";

    /// <summary>Fortsetzungsbescheid with the content of an Einschränkungsbescheid v2 (amounts, hardship, basis).</summary>
    public const string ContinuationNoticeV2 = "fortsetzungsbescheid-v2";

    /// <summary>Abhilfebescheid on a Widerspruch against a restriction (§ 85 Abs. 1 SGG), wholly or for the upheld part.</summary>
    public const string RestrictionObjectionUpheld = "abhilfebescheid-einschraenkung-v1";

    /// <summary>Widerspruchsbescheid on a Widerspruch against a restriction (§ 85 Abs. 2 SGG), with its Klage Belehrung (§ 87 SGG).</summary>
    public const string RestrictionObjectionDismissed = "widerspruchsbescheid-einschraenkung-v1";

    /// <summary>Aufhebungsbescheid on a § 44 SGB X review (through § 9 Abs. 4 AsylbLG): the restriction is withdrawn.</summary>
    public const string ReviewWithdrawalNotice = "aufhebungsbescheid-v1";

    /// <summary>Ablehnung of a § 44 SGB X review: the restriction stands.</summary>
    public const string ReviewRefusalNotice = "ablehnung-v1";

    /// <summary>Erstattungsbescheid (§ 50 Abs. 2 SGB X i. V. m. § 9 Abs. 4 AsylbLG) on an allowance paid for hours later corrected down.</summary>
    public const string RecoveryNotice = "erstattungsbescheid-v1";
}
