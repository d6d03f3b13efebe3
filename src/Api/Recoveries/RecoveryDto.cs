namespace AGH.Api.Recoveries;

/// <summary>
/// amountCents is positive: what the person owes; minutes: the paid minutes taken back. noticeId: the Erstattungsbescheid,
/// once decided. openedOn is null on recoveries opened before the day was recorded.
/// </summary>
public sealed record RecoveryDto(Guid Id, Guid PersonId, Guid PlacementId, Guid EntryId, Guid RunId, int Minutes, long AmountCents, RecoveryStatus Status,
    Guid? NoticeId, DateOnly? OpenedOn, DateOnly? HeardOn, DateOnly? ObjectionReceivedOn)
{
    public static RecoveryDto From(Recovery r, RecoveryStatus? status = null) =>
        new(r.Id, r.PersonId, r.PlacementId, r.EntryId, r.RunId, r.Minutes, r.AmountCents, status ?? r.Status, r.NoticeId, r.OpenedOn, r.HeardOn,
            r.ObjectionReceivedOn);

    /// <summary>The status as of today: decided turns final once the Erstattungsbescheid's remedy deadline passed with no objection.</summary>
    public static RecoveryStatus StatusOf(Recovery r, AGH.Domain.Persons.Person? person, Policy policy, DateOnly today) =>
        RecoveryProcedure.StatusOn(r, r.NoticeId is { } id && person?.Notices.TryGetValue(id, out var n) == true ? n : null, policy, today);

    /// <summary>Each recovery with its status as of today; only those with a notice need their person read.</summary>
    public static async Task<List<RecoveryDto>> AsOf(IQuerySession session, IReadOnlyList<Recovery> recoveries, Policy policy, DateOnly today,
        CancellationToken ct)
    {
        var persons = (await session.LoadManyAsync<AGH.Domain.Persons.Person>(ct,
            recoveries.Where(r => r.NoticeId is not null).Select(r => r.PersonId).Distinct())).ToDictionary(p => p.Id);
        return recoveries.Select(r => From(r, StatusOf(r, persons.GetValueOrDefault(r.PersonId), policy, today))).ToList();
    }
}
