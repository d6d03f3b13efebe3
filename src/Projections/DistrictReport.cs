using System.Globalization;
using AGH.Domain.Common;
using AGH.Domain.Offers;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using AGH.Domain.Sanctions;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace AGH.Projections;

/// <summary>
/// What the district's report needs of one offer: the days it was offered and its places over time. Places changed on
/// the day the change was recorded (the event has no business date); withdrawn from its withdrawal's date.
/// </summary>
public sealed record ReportOffer(Guid Id, ProviderType ProviderType, string Municipality, DateOnly StartsOn, DateOnly? EndsOn,
    DateOnly? WithdrawnOn, IReadOnlyList<ReportPlaces> Places)
{
    /// <summary>The places offered on <paramref name="day"/>; 0 when the offer did not run that day.</summary>
    public int PlacesOn(DateOnly day) =>
        StartsOn > day || EndsOn < day || WithdrawnOn <= day ? 0 : Places.LastOrDefault(p => p.From <= day)?.Places ?? 0;
}

public sealed record ReportPlaces(DateOnly From, int Places);

/// <summary>A flow the report counts in the month of <paramref name="On"/>.</summary>
public enum ReportFactKind
{
    Refusal,
    Proposal,
    RestrictionApproved,
    RestrictionWithdrawn,
    RestrictionEndedEarly,
}

public sealed record ReportFact(DateOnly On, ReportFactKind Kind);

public sealed record ReportPlacement(Guid Id, DateOnly StartsOn, DateOnly? Until, DateOnly? EndedOn, EndReason? EndReason)
{
    /// <summary>Placed that day: started, not ended before it and not past its period (<c>until</c>, v3b).</summary>
    public bool CoversDay(DateOnly day) => StartsOn <= day && !(EndedOn < day) && !(Until < day);
}

/// <summary>An approved restriction, so a later withdrawal (objection, § 44 review, court, the placement's objection) counts once.</summary>
public sealed record ReportRestriction(Guid ProposalId, Guid PlacementId, bool Withdrawn);

/// <summary>
/// An objection (Widerspruch) against a restriction period (key <c>proposalId/period</c>) or a Heranziehungsbescheid (key
/// <c>placementId</c>): received on <paramref name="ReceivedOn"/>, decided on <paramref name="DecidedOn"/>.
/// </summary>
public sealed record ReportObjection(string Key, DateOnly ReceivedOn, DateOnly? DecidedOn, ObjectionOutcome? Outcome);

/// <summary>
/// What the district's report needs of one person, without a name: the municipality, the entitlement and placements
/// (stocks on a day) and the dated flows. No personal string is copied, so erasure has nothing to mask here.
/// </summary>
public sealed record ReportPerson(
    Guid Id,
    string Municipality,
    DateOnly EntitledSince,
    DateOnly? EntitlementEndedOn,
    IReadOnlyList<ReportPlacement> Placements,
    IReadOnlyList<ReportFact> Facts,
    IReadOnlyList<ReportRestriction> Restrictions,
    IReadOnlyList<ReportObjection> Objections)
{
    /// <summary>Closed as a record entered twice (contract v3d): counted nowhere, as the record kept is.</summary>
    public bool Duplicate { get; init; }

    /// <summary>Entitled that day (the entitlement's end date is its last day, as the person's rules read it).</summary>
    public bool EntitledOn(DateOnly day) => !Duplicate && EntitledSince <= day && !(EntitlementEndedOn < day);

    public bool PlacedOn(DateOnly day) => Placements.Any(p => p.CoversDay(day));

    public ReportPerson With(DateOnly on, ReportFactKind kind) => this with { Facts = [.. Facts, new ReportFact(on, kind)] };

    /// <summary>Withdraws the restrictions <paramref name="which"/> selects that were not withdrawn yet, one fact each.</summary>
    public ReportPerson Withdraw(DateOnly on, Func<ReportRestriction, bool> which)
    {
        var now = Restrictions.Where(r => !r.Withdrawn && which(r)).Select(r => r.ProposalId).ToHashSet();
        if (now.Count == 0) return this;
        return this with
        {
            Restrictions = [.. Restrictions.Select(r => now.Contains(r.ProposalId) ? r with { Withdrawn = true } : r)],
            Facts = [.. Facts, .. now.Select(_ => new ReportFact(on, ReportFactKind.RestrictionWithdrawn))],
        };
    }

    public ReportPerson Decide(string key, DateOnly on, ObjectionOutcome outcome)
    {
        var index = Objections.ToList().FindIndex(o => o.Key == key && o.DecidedOn is null);
        if (index < 0) return this;
        return this with { Objections = [.. Objections.Select((o, i) => i == index ? o with { DecidedOn = on, Outcome = outcome } : o)] };
    }

    public ReportPerson WithPlacement(Guid id, Func<ReportPlacement, ReportPlacement> change) =>
        this with { Placements = [.. Placements.Select(p => p.Id == id ? change(p) : p)] };

    public static string ObjectionKey(Guid proposalId, int? period) => $"{proposalId}/{period ?? 1}";
}

/// <summary>The day an event counts on: as the person's history dates it (its business date, else the day it was recorded in Berlin).</summary>
public static class ReportDates
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static DateOnly Of(IEvent e) => EventCatalog.OccurredOn(e.Data) ?? Recorded(e);

    /// <summary>The service clock's instant of recording (header <c>recordedAt</c>), else Marten's timestamp.</summary>
    public static DateOnly Recorded(IEvent e)
    {
        var at = e.Headers?.TryGetValue("recordedAt", out var v) == true && v is not null &&
            DateTimeOffset.TryParse(v is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } j ? j.GetString() : v.ToString(),
                CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            ? parsed
            : e.Timestamp;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Berlin).DateTime);
    }
}

/// <summary>Async, like the quota: the committee's report may trail a write by a moment, and a new deployment builds it from the stored events.</summary>
public partial class ReportOfferProjection : SingleStreamProjection<ReportOffer, Guid>
{
    public ReportOfferProjection()
    {
        IncludeType<OfferRegistered>();
        IncludeType<OfferPlacesChanged>();
        IncludeType<OfferWithdrawn>();
    }

    public override ReportOffer? Evolve(ReportOffer? row, Guid id, IEvent e) => (row, e.Data) switch
    {
        (_, OfferRegistered x) => new ReportOffer(x.OfferId, x.ProviderType, x.Municipality, x.StartsOn, x.EndsOn, null,
            [new ReportPlaces(DateOnly.MinValue, x.Places)]),
        (not null, OfferPlacesChanged x) => row with { Places = [.. row.Places, new ReportPlaces(ReportDates.Recorded(e), x.Places)] },
        (not null, OfferWithdrawn x) => row with { WithdrawnOn = x.Date },
        _ => row,
    };
}

public partial class ReportPersonProjection : SingleStreamProjection<ReportPerson, Guid>
{
    public ReportPersonProjection()
    {
        IncludeType<PersonRegistered>();
        IncludeType<EntitlementEnded>();
        IncludeType<PersonCorrected>();
        IncludeType<PersonMarkedDuplicate>();
        IncludeType<PersonAssigned>();
        IncludeType<PlacementEnded>();
        IncludeType<RefusalRecorded>();
        IncludeType<SanctionProposed>();
        IncludeType<SanctionDecided>();
        IncludeType<RestrictionEndedEarly>();
        IncludeType<ObjectionFiled>();
        IncludeType<ObjectionDecided>();
        IncludeType<ReviewRequestDecided>();
        IncludeType<RestrictionSuspensionEnded>();
        IncludeType<PlacementObjectionFiled>();
        IncludeType<PlacementObjectionDecided>();
        IncludeType<LawsuitEnded>();
    }

    public override ReportPerson? Evolve(ReportPerson? row, Guid id, IEvent e)
    {
        if (e.Data is PersonRegistered r) return new ReportPerson(r.PersonId, r.Municipality, r.EntitledSince, null, [], [], [], []);
        if (row is null) return null;
        var on = ReportDates.Of(e);
        return e.Data switch
        {
            EntitlementEnded x => row with { EntitlementEndedOn = x.Date },
            PersonCorrected x => row with { EntitledSince = x.EntitledSince ?? row.EntitledSince },
            PersonMarkedDuplicate => row with { Duplicate = true },
            PersonAssigned x => row with { Placements = [.. row.Placements, new ReportPlacement(x.PlacementId, x.StartsOn, x.Until, null, null)] },
            PlacementEnded x => row.WithPlacement(x.PlacementId, p => p with { EndedOn = x.Date, EndReason = x.Reason }),
            RefusalRecorded => row.With(on, ReportFactKind.Refusal),
            SanctionProposed => row.With(on, ReportFactKind.Proposal),
            SanctionDecided { Approved: true } x => row.With(on, ReportFactKind.RestrictionApproved) with
            {
                Restrictions = [.. row.Restrictions, new ReportRestriction(x.ProposalId, x.PlacementId, false)],
            },
            RestrictionEndedEarly => row.With(on, ReportFactKind.RestrictionEndedEarly),
            ObjectionFiled x => row with { Objections = [.. row.Objections, new ReportObjection(ReportPerson.ObjectionKey(x.ProposalId, x.Period), x.ReceivedOn, null, null)] },
            // Upheld against period 1 withdraws the whole restriction; against a continuation only that period (the restriction stays).
            ObjectionDecided x => (x.Decided == ObjectionOutcome.Upheld && (x.Period ?? 1) <= 1 ? row.Withdraw(on, q => q.ProposalId == x.ProposalId) : row)
                .Decide(ReportPerson.ObjectionKey(x.ProposalId, x.Period), on, x.Decided),
            ReviewRequestDecided { Outcome: ReviewRequestOutcome.Withdrawn } x => row.Withdraw(on, q => q.ProposalId == x.ProposalId),
            RestrictionSuspensionEnded { Outcome: SuspensionOutcome.Withdrawn } x => row.Withdraw(on, q => q.ProposalId == x.ProposalId),
            PlacementObjectionFiled x => row with { Objections = [.. row.Objections, new ReportObjection(x.PlacementId.ToString(), x.ReceivedOn, null, null)] },
            PlacementObjectionDecided x => (x.Outcome == PlacementObjectionOutcome.Upheld ? row.Withdraw(on, q => q.PlacementId == x.PlacementId) : row)
                .Decide(x.PlacementId.ToString(), on, x.Outcome == PlacementObjectionOutcome.Upheld ? ObjectionOutcome.Upheld : ObjectionOutcome.Dismissed),
            LawsuitEnded { Outcome: LawsuitOutcome.Upheld } x => row.Withdraw(on, q => q.PlacementId == x.PlacementId),
            _ => row,
        };
    }
}
