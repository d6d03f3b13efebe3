namespace AGH.Domain.Common;

/// <summary>
/// The event types by the stream they are written to, as <see cref="EventCatalog"/> lists them: read by the store
/// registration, the projections' type filters and the tests. A person's Revision (its ETag and expected version) counts
/// exactly the events of <see cref="PersonStream"/>, so an event missing there would break every later write on that stream.
/// </summary>
public static class EventTypes
{
    public static readonly Type[] OfferStream = EventCatalog.TypesOf(EventStream.Offer);

    public static readonly Type[] PersonStream = EventCatalog.TypesOf(EventStream.Person);

    public static readonly Type[] PayoutLedger = EventCatalog.TypesOf(EventStream.PayoutLedger);

    public static readonly Type[] AccessLog = EventCatalog.TypesOf(EventStream.AccessLog);

    public static readonly Type[] All = [.. OfferStream, .. PersonStream, .. PayoutLedger, .. AccessLog];

    /// <summary>Shown in a person's history but never stored: a person's line of a run, derived from the ledger's run event.</summary>
    public static readonly Type[] DerivedForHistory = EventCatalog.TypesOf(EventStream.DerivedForHistory);
}
