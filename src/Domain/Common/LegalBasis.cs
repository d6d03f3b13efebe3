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
        _ => LegalBasis.Duty,
    };
}
