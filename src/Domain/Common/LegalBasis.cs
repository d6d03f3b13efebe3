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
    public const string Objection = "§§ 83, 84 SGG, § 11 Abs. 4 AsylbLG";
    public const string ObjectionUpheld = "§ 85 Abs. 1 SGG";
    public const string ObjectionDismissed = "§ 85 Abs. 2 SGG";
    public const string RestrictionEnd = "§ 9 Abs. 4 S. 1 Nr. 1 AsylbLG i. V. m. § 48 SGB X";
    public const string RestrictionReview = "§ 14 Abs. 2 AsylbLG";
    public const string RestrictionContinued = "§ 14 Abs. 2 AsylbLG, § 28 VwVfG";
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
        Sanctions.SanctionProposed or Sanctions.SanctionDecided => LegalBasis.Restriction,
        Sanctions.ObjectionFiled => LegalBasis.Objection,
        Sanctions.ObjectionDecided { Upheld: true } => LegalBasis.ObjectionUpheld,
        Sanctions.ObjectionDecided => LegalBasis.ObjectionDismissed,
        Sanctions.RestrictionEndedEarly => LegalBasis.RestrictionEnd,
        Sanctions.RestrictionReviewed { Continued: true } => LegalBasis.RestrictionContinued,
        Sanctions.RestrictionReviewed => LegalBasis.RestrictionReview,
        Placements.PlacementEnded => LegalBasis.Reasonable,
        Payouts.AllowanceComputed or Payouts.PayoutRunPrepared or Payouts.PayoutRunReleased => LegalBasis.Payout,
        // Checking and sending back a run are steps of paying the allowance; the four-eyes rule is the district's own.
        Payouts.PayoutRunReviewed or Payouts.PayoutRunRejected => LegalBasis.Payout,
        Persons.PersonHistoryRead => LegalBasis.DataAccess,
        Persons.LegalHoldPlaced or Persons.LegalHoldLifted => LegalBasis.Retention,
        Persons.PersonDataErased => LegalBasis.Erasure,
        // Every stored event names its basis; a new event type without one fails its first write and EventCatalogTests.
        _ => throw new ArgumentException($"No legal basis is defined for {@event.GetType().Name}.", nameof(@event)),
    };
}
