using AGH.Domain.Offers;
using AGH.Domain.Payouts;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using AGH.Domain.Sanctions;

namespace AGH.Domain.Common;

/// <summary>
/// Every event the service stores, by the stream it is written to: the one list the store registration, the
/// projections' type filters and the tests read. A person's Revision (its ETag and expected version) counts exactly
/// the events of <see cref="PersonStream"/>, so an event missing here would break every later write on that stream.
/// </summary>
public static class EventTypes
{
    public static readonly Type[] OfferStream =
    [
        typeof(OfferRegistered), typeof(OfferPlacesChanged), typeof(OfferWithdrawn), typeof(PlaceOccupied), typeof(PlaceReleased),
    ];

    public static readonly Type[] PersonStream =
    [
        typeof(PersonRegistered), typeof(ExemptionRecorded), typeof(EntitlementEnded),
        typeof(LegalHoldPlaced), typeof(LegalHoldLifted), typeof(PersonDataErased),
        typeof(PersonAssigned), typeof(HoursLogged), typeof(HoursCorrected), typeof(PlacementEnded),
        typeof(RefusalRecorded), typeof(RefusalAssessed), typeof(HearingHeld),
        typeof(SanctionProposed), typeof(SanctionDecided), typeof(ObjectionFiled), typeof(ObjectionDecided),
        typeof(RestrictionEndedEarly), typeof(RestrictionReviewed),
    ];

    public static readonly Type[] PayoutLedger =
    [
        typeof(PayoutRunPrepared), typeof(PayoutRunReleased), typeof(PayoutRunReviewed), typeof(PayoutRunRejected),
    ];

    public static readonly Type[] AccessLog =
    [
        typeof(PersonHistoryRead),
    ];

    public static readonly Type[] All = [.. OfferStream, .. PersonStream, .. PayoutLedger, .. AccessLog];

    /// <summary>Shown in a person's history but never stored: a person's line of a run, derived from the ledger's run event.</summary>
    public static readonly Type[] DerivedForHistory = [typeof(AllowanceComputed)];
}
