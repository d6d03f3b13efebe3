using System.Collections.Immutable;
using AGH.Domain.Common;

namespace AGH.Domain.Offers;

public enum ProviderType
{
    Municipality,
    District,
    Nonprofit,
}

public enum OfferStatus
{
    Open,
    Withdrawn,
    /// <summary>Its <c>endsOn</c> has passed (contract v3d): read from the date, never stored.</summary>
    Ended,
}

public sealed record OfferRegistered(
    Guid OfferId,
    ProviderType ProviderType,
    string ProviderName,
    string Municipality,
    string Title,
    string Activity,
    int Places,
    int HoursPerWeek,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    string ReportTo,
    // v3c: optional, so offers registered before read null.
    string? ProviderId = null,
    string? AccidentInsurer = null) : IStartsStream;

/// <summary>The coordinator names (or changes) the organisation that runs the offer (contract v3c).</summary>
public sealed record OfferProviderChanged(Guid OfferId, string ProviderId) : IDomainEvent;

/// <summary>The provider confirms the hours of a month on its offer (contract v3c); <paramref name="Month"/> is YYYY-MM.</summary>
public sealed record TimesheetConfirmed(Guid OfferId, string Month, string ProviderId, string ConfirmedBy, DateTimeOffset ConfirmedAt) : IDomainEvent;

public sealed record TimesheetConfirmation(string By, DateTimeOffset At);

public sealed record OfferPlacesChanged(Guid OfferId, int Places) : IDomainEvent;

public sealed record OfferWithdrawn(Guid OfferId, DateOnly Date, string Reason) : IDomainEvent;

/// <summary>A place of the offer is taken by a placement; kept on the offer stream so capacity is checked against its version.</summary>
public sealed record PlaceOccupied(Guid OfferId, Guid PlacementId, Guid PersonId) : IDomainEvent;

public sealed record PlaceReleased(Guid OfferId, Guid PlacementId) : IDomainEvent;

public sealed record Offer(
    Guid Id,
    ProviderType ProviderType,
    string ProviderName,
    string Municipality,
    string Title,
    string Activity,
    int Places,
    int HoursPerWeek,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    string ReportTo,
    OfferStatus Status,
    ImmutableHashSet<Guid> ActivePlacements)
{
    /// <summary>The provider's organisation id; null for offers without one (never subject to timesheet confirmation).</summary>
    public string? ProviderId { get; init; }

    /// <summary>The Unfallversicherungsträger (§ 2 Abs. 1 Nr. 1 SGB VII).</summary>
    public string? AccidentInsurer { get; init; }

    /// <summary>Months (YYYY-MM) whose timesheet the provider confirmed.</summary>
    public ImmutableDictionary<string, TimesheetConfirmation> Confirmations { get; init; } = ImmutableDictionary<string, TimesheetConfirmation>.Empty;

    public bool IsConfirmed(DateOnly day) => Confirmations.ContainsKey($"{day.Year:D4}-{day.Month:D2}");

    /// <summary>Events folded so far: equals the stream version, so it serves as the expected version and the ETag. (Not named Version: Marten manages such a property itself.)</summary>
    public long Revision { get; init; }

    /// <summary>Withdrawn as recorded; an open offer whose last day has passed reads ended (it takes no one and counts nowhere).</summary>
    public OfferStatus StatusOn(DateOnly today) =>
        Status == OfferStatus.Withdrawn ? OfferStatus.Withdrawn : EndsOn is { } end && end < today ? OfferStatus.Ended : OfferStatus.Open;

    public int Occupied => ActivePlacements.Count;
    public int Free => Math.Max(0, Places - Occupied);

    public static Offer Start(OfferRegistered e) => new(
        e.OfferId, e.ProviderType, e.ProviderName, e.Municipality, e.Title, e.Activity, e.Places, e.HoursPerWeek,
        e.StartsOn, e.EndsOn, e.ReportTo, OfferStatus.Open, []) { ProviderId = e.ProviderId, AccidentInsurer = e.AccidentInsurer };

    public Offer When(OfferProviderChanged e) => this with { ProviderId = e.ProviderId };
    public Offer When(TimesheetConfirmed e) => this with { Confirmations = Confirmations.SetItem(e.Month, new TimesheetConfirmation(e.ConfirmedBy, e.ConfirmedAt)) };

    public Offer When(OfferPlacesChanged e) => this with { Places = e.Places };
    public Offer When(OfferWithdrawn e) => this with { Status = OfferStatus.Withdrawn };
    public Offer When(PlaceOccupied e) => this with { ActivePlacements = ActivePlacements.Add(e.PlacementId) };
    public Offer When(PlaceReleased e) => this with { ActivePlacements = ActivePlacements.Remove(e.PlacementId) };

    public static Offer? Evolve(Offer? state, object @event)
    {
        var next = (state, @event) switch
        {
            (null, OfferRegistered e) => Start(e),
            (not null, OfferPlacesChanged e) => state.When(e),
            (not null, OfferProviderChanged e) => state.When(e),
            (not null, TimesheetConfirmed e) => state.When(e),
            (not null, OfferWithdrawn e) => state.When(e),
            (not null, PlaceOccupied e) => state.When(e),
            (not null, PlaceReleased e) => state.When(e),
            _ => state,
        };
        return next is null ? null : next with { Revision = (state?.Revision ?? 0) + 1 };
    }

    public static Offer? Fold(IEnumerable<object> events) => events.Aggregate((Offer?)null, Evolve);
}

public sealed record RegisterOffer(
    Guid OfferId,
    ProviderType ProviderType,
    string ProviderName,
    string Municipality,
    string Title,
    string Activity,
    int Places,
    int HoursPerWeek,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    string ReportTo,
    string? ProviderId = null,
    string? AccidentInsurer = null);

public sealed record ChangeProvider(Guid OfferId, string ProviderId);

public sealed record ConfirmTimesheet(Guid OfferId, int Year, int Month, string ProviderId, string ConfirmedBy, DateTimeOffset ConfirmedAt);

public sealed record ChangePlaces(Guid OfferId, int Places);

public sealed record WithdrawOffer(Guid OfferId, DateOnly Date, string Reason);

public static class OfferDecisions
{
    public static Decision Register(RegisterOffer c)
    {
        if (c.EndsOn is { } end && end < c.StartsOn)
            return Rejection.Unprocessable("offer-period-invalid", "endsOn lies before startsOn.");
        return Decision.Accept(new StreamEvent(c.OfferId, new OfferRegistered(
            c.OfferId, c.ProviderType, c.ProviderName, c.Municipality, c.Title, c.Activity, c.Places, c.HoursPerWeek,
            c.StartsOn, c.EndsOn, c.ReportTo, c.ProviderId, c.AccidentInsurer)));
    }

    /// <summary>
    /// A provider confirms a month that has ended (422 <c>month-not-ended</c>), once (409 <c>month-confirmed</c>, which the
    /// order of checks puts first).
    /// </summary>
    public static Decision ConfirmTimesheet(Offer offer, ConfirmTimesheet c, DateOnly today)
    {
        var month = $"{c.Year:D4}-{c.Month:D2}";
        if (offer.Confirmations.ContainsKey(month))
            return Rejection.Conflict("month-confirmed", $"The timesheet of {month} is confirmed already.");
        if (new DateOnly(c.Year, c.Month, 1).AddMonths(1) > today)
            return Rejection.Unprocessable("month-not-ended", $"{month} has not ended yet; a timesheet is confirmed once its month is over.");
        return Decision.Accept(new StreamEvent(offer.Id, new TimesheetConfirmed(offer.Id, month, c.ProviderId, c.ConfirmedBy, c.ConfirmedAt)));
    }

    /// <summary>The same provider again changes nothing; a withdrawn offer may still be re-attributed (its hours stay to confirm).</summary>
    public static Decision ChangeProvider(Offer offer, ChangeProvider c) =>
        c.ProviderId == offer.ProviderId ? Decision.Accept()
            : Decision.Accept(new StreamEvent(offer.Id, new OfferProviderChanged(offer.Id, c.ProviderId)));

    public static Decision ChangePlaces(Offer offer, ChangePlaces c)
    {
        if (offer.Status == OfferStatus.Withdrawn)
            return Rejection.Conflict("offer-not-open", "The offer has been withdrawn.");
        if (c.Places < offer.Occupied)
            return Rejection.Conflict("places-below-occupied",
                $"The offer has {offer.Occupied} active placements; places cannot go below that.");
        if (c.Places == offer.Places) return Decision.Accept();
        return Decision.Accept(new StreamEvent(offer.Id, new OfferPlacesChanged(offer.Id, c.Places)));
    }

    public static Decision Withdraw(Offer offer, WithdrawOffer c)
    {
        if (offer.Status == OfferStatus.Withdrawn)
            return Rejection.Conflict("offer-not-open", "The offer has already been withdrawn.");
        if (offer.Occupied > 0)
            return Rejection.Conflict("offer-has-active-placements",
                $"The offer still has {offer.Occupied} active placements; end them first.");
        return Decision.Accept(new StreamEvent(offer.Id, new OfferWithdrawn(offer.Id, c.Date, c.Reason)));
    }
}
