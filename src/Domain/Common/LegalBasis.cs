namespace AGH.Domain.Common;

/// <summary>The norms the service records with each event, so an auditor sees on which basis a step was taken.</summary>
public static class LegalBasis
{
    public const string Offer = "§ 5 Abs. 1 AsylbLG";
    public const string Allowance = "§ 5 Abs. 2 AsylbLG";
    public const string Reasonable = "§ 5 Abs. 3 AsylbLG";
    public const string Duty = "§ 5 Abs. 4 AsylbLG";
    public const string Assignment = "§ 5 Abs. 4 AsylbLG, §§ 35, 37, 41 VwVfG";

    /// <summary>The Heranziehungsbescheid is settled by the lapse of the period it names (Erledigung durch Zeitablauf).</summary>
    public const string PeriodEnded = "§ 5 Abs. 4 AsylbLG, § 43 Abs. 2 VwVfG i. V. m. § 1 Abs. 1 NVwVfG";
    public const string GoodCause = "§ 5 Abs. 3 AsylbLG i. V. m. § 11 Abs. 4 SGB XII";
    public const string Hearing = "§ 28 VwVfG";
    public const string HearingProcedure = "§ 28 VwVfG i. V. m. § 1 Abs. 1 NVwVfG";
    public const string Restriction = "§ 5 Abs. 4 S. 2 i. V. m. § 1a Abs. 1 AsylbLG, § 14 AsylbLG";
    public const string Objection = "§§ 83, 84 SGG, § 11 Abs. 4 AsylbLG";
    public const string ObjectionUpheld = "§ 85 Abs. 1 SGG";
    public const string ObjectionDismissed = "§ 85 Abs. 2 SGG";

    /// <summary>Partly upheld: Abhilfe for one part, Widerspruchsbescheid for the rest.</summary>
    public const string ObjectionPartlyUpheld = "§ 85 Abs. 1 und 2 SGG";
    public const string PlacementObjection = "§§ 83, 84, 86a Abs. 1 SGG";
    public const string ImmediateEnforcement = "§ 86a Abs. 2 Nr. 5 SGG";
    public const string Lawsuit = "§§ 54, 86a Abs. 1, 87 SGG";
    public const string RestrictionEnd = "§ 9 Abs. 4 S. 1 Nr. 1 AsylbLG i. V. m. § 48 SGB X";
    public const string RestrictionReview = "§ 14 Abs. 2 AsylbLG";
    public const string RestrictionContinued = "§ 14 Abs. 2 AsylbLG, § 28 VwVfG";
    public const string CourtOrder = "§ 86b Abs. 1 S. 1 Nr. 2 SGG";
    public const string InterimOrder = "§ 86b Abs. 2 SGG";
    public const string AuthoritySuspension = "§ 86a Abs. 3 SGG";
    public const string SuspensionEnded = "§§ 86a, 86b SGG";
    public const string ReviewRequest = "§ 44 SGB X i. V. m. § 9 Abs. 4 AsylbLG";
    public const string NoticeIssued = "§§ 35, 37, 39 VwVfG i. V. m. § 1 Abs. 1 NVwVfG";
    public const string Notification = "§§ 41, 43 VwVfG i. V. m. § 1 Abs. 1 NVwVfG";
    /// <summary>German is the official language; a translated annex helps the person understand the notice and binds no one.</summary>
    public const string NoticeTranslation = "§ 23 Abs. 1 VwVfG i. V. m. § 1 Abs. 1 NVwVfG";
    public const string NotificationRebutted = "§ 41 Abs. 2 S. 3 VwVfG i. V. m. § 1 Abs. 1 NVwVfG";
    /// <summary>A provider's absence report and the office's handling of it: the duty to work and its good reasons.</summary>
    public const string AbsenceReport = "§ 5 Abs. 3 und 4 AsylbLG";
    /// <summary>Participants are insured as Beschäftigte; the provider reports accidents to the insurer.</summary>
    public const string Accident = "§ 193 Abs. 1 und 4 SGB VII, § 2 Abs. 1 Nr. 1 SGB VII";
    public const string AccidentReport = "§ 193 Abs. 1 und 4 SGB VII";
    public const string Entitlement = "§ 1 AsylbLG";
    public const string Exclusion = "§ 1 Abs. 4 AsylbLG";
    public const string Registration = "§ 1 AsylbLG, § 5 Abs. 4 AsylbLG";
    /// <summary>Wrong master data is corrected, and a record entered twice closed (Richtigkeit, Berichtigung).</summary>
    public const string Rectification = "Art. 5 Abs. 1 lit. d, Art. 16 DSGVO i. V. m. § 84 SGB X";
    public const string Recovery = "§ 50 Abs. 2 SGB X (with §§ 45, 48 SGB X) i. V. m. § 9 Abs. 4 AsylbLG";
    /// <summary>A Widerspruch against the Erstattungsbescheid suspends collection.</summary>
    public const string RecoveryObjection = "§§ 83, 84, 86a Abs. 1 SGG";
    public const string Payout = "§ 5 Abs. 2 AsylbLG, § 7 Abs. 2 Nr. 5 AsylbLG";
    public const string DataAccess = "Art. 5 Abs. 2, Art. 30 DSGVO";
    public const string Retention = "Art. 17 Abs. 3 lit. e DSGVO";
    public const string Erasure = "Art. 17 Abs. 1 lit. a DSGVO, Art. 5 Abs. 1 lit. e DSGVO";
}

public static class EventLegalBasis
{
    /// <summary>The basis recorded with the event (its catalog entry); throws for a type the catalog does not know.</summary>
    public static string Of(object @event) => EventCatalog.LegalBasisOf(@event);
}
