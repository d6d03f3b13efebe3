namespace AGH.Domain.Common;

/// <summary>
/// The event types by the stream they are written to, as <see cref="EventCatalog"/> lists them: read by the store
/// registration, the projections' type filters and the tests. The person's view folds the events of
/// <see cref="PersonStream"/> but <see cref="Hours"/>, so an event missing there would be missing from the view.
/// </summary>
public static class EventTypes
{
    public static readonly Type[] OfferStream = EventCatalog.TypesOf(EventStream.Offer);

    public static readonly Type[] PersonStream = EventCatalog.TypesOf(EventStream.Person);

    /// <summary>The hour events of a person's stream: folded into the week documents, not into the person's view.</summary>
    public static readonly Type[] Hours = [typeof(Placements.HoursLogged), typeof(Placements.HoursCorrected)];

    public static readonly Type[] PayoutLedger = EventCatalog.TypesOf(EventStream.PayoutLedger);

    public static readonly Type[] AccessLog = EventCatalog.TypesOf(EventStream.AccessLog);

    public static readonly Type[] All = [.. OfferStream, .. PersonStream, .. PayoutLedger, .. AccessLog];

    /// <summary>Shown in a person's history but never stored: a person's line of a run, derived from the ledger's run event.</summary>
    public static readonly Type[] DerivedForHistory = EventCatalog.TypesOf(EventStream.DerivedForHistory);
}
