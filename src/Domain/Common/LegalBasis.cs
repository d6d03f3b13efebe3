namespace AGH.Domain.Common;

/// <summary>The norms the service records with each event, so an auditor sees on which basis a step was taken.</summary>
public static class LegalBasis
{
    public const string Offer = "§ 5 Abs. 1 AsylbLG";
    public const string Allowance = "§ 5 Abs. 2 AsylbLG";
    public const string Reasonable = "§ 5 Abs. 3 AsylbLG";
    public const string Duty = "§ 5 Abs. 4 AsylbLG";
    public const string Assignment = "§ 5 Abs. 4 AsylbLG, §§ 35, 37, 41 VwVfG";
    public const string GoodCause = "§ 5 Abs. 3 AsylbLG i. V. m. § 11 Abs. 4 SGB XII";
    public const string Hearing = "§ 28 VwVfG";
    public const string Restriction = "§ 5 Abs. 4 S. 2 i. V. m. § 1a Abs. 1 AsylbLG, § 14 AsylbLG";
    public const string Entitlement = "§ 1 AsylbLG";
    public const string Registration = "§ 1 AsylbLG, § 5 Abs. 4 AsylbLG";
    public const string Payout = "§ 5 Abs. 2 AsylbLG, § 7 Abs. 2 Nr. 5 AsylbLG";
    public const string DataAccess = "Art. 5 Abs. 2, Art. 30 DSGVO";
    public const string Retention = "Art. 17 Abs. 3 lit. e DSGVO";
    public const string Erasure = "Art. 17 Abs. 1 lit. a DSGVO, Art. 5 Abs. 1 lit. e DSGVO";
}

public static class EventLegalBasis
{
    public static string Of(object @event) => @event switch
    {
        Offers.OfferRegistered or Offers.OfferPlacesChanged or Offers.OfferWithdrawn => LegalBasis.Offer,
        Offers.PlaceOccupied or Offers.PlaceReleased => LegalBasis.Duty,
        Persons.PersonRegistered => LegalBasis.Registration,
        Persons.ExemptionRecorded => LegalBasis.GoodCause,
        Persons.EntitlementEnded => LegalBasis.Entitlement,
        Placements.PersonAssigned => LegalBasis.Assignment,
        Placements.HoursLogged or Placements.HoursCorrected => LegalBasis.Allowance,
        Placements.RefusalRecorded => LegalBasis.Duty,
        Placements.RefusalAssessed => LegalBasis.GoodCause,
        Placements.HearingHeld => LegalBasis.Hearing,
        Placements.SanctionProposed or Placements.SanctionDecided => LegalBasis.Restriction,
        Placements.PlacementEnded => LegalBasis.Reasonable,
        Payouts.AllowanceComputed or Payouts.PayoutRunPrepared or Payouts.PayoutRunReleased => LegalBasis.Payout,
        // Checking and sending back a run are steps of paying the allowance; the four-eyes rule is the district's own.
        Payouts.PayoutRunReviewed or Payouts.PayoutRunRejected => LegalBasis.Payout,
        Persons.PersonHistoryRead => LegalBasis.DataAccess,
        Persons.LegalHoldPlaced or Persons.LegalHoldLifted => LegalBasis.Retention,
        Persons.PersonDataErased => LegalBasis.Erasure,
        _ => LegalBasis.Duty,
    };
}

public static class EventTypes
{
    /// <summary>Every event the service stores; registered with the store so any process can read any stream.</summary>
    public static readonly Type[] All =
    [
        typeof(Offers.OfferRegistered), typeof(Offers.OfferPlacesChanged), typeof(Offers.OfferWithdrawn),
        typeof(Offers.PlaceOccupied), typeof(Offers.PlaceReleased),
        typeof(Persons.PersonRegistered), typeof(Persons.ExemptionRecorded), typeof(Persons.EntitlementEnded),
        typeof(Persons.PersonHistoryRead), typeof(Persons.LegalHoldPlaced), typeof(Persons.LegalHoldLifted), typeof(Persons.PersonDataErased),
        typeof(Placements.PersonAssigned), typeof(Placements.HoursLogged), typeof(Placements.HoursCorrected),
        typeof(Placements.RefusalRecorded), typeof(Placements.RefusalAssessed), typeof(Placements.HearingHeld),
        typeof(Placements.SanctionProposed), typeof(Placements.SanctionDecided), typeof(Placements.PlacementEnded),
        typeof(Payouts.PayoutRunPrepared), typeof(Payouts.PayoutRunReleased),
        typeof(Payouts.PayoutRunReviewed), typeof(Payouts.PayoutRunRejected),
    ];
}
