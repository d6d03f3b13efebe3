namespace AGH.Api.Notices;

public sealed record NoticeIssuerDto(string Name, string Role);

public sealed record NoticeAuthorityDto(string Key, string Name);

public sealed record NoticeDispatchDto(DispatchMethod Method, DateOnly On, string RecordedBy);

public sealed record NoticeAnnexDto(string Language, string Version);

/// <summary>
/// A notice as the person's case holds it (contract v3a). <c>remedy</c> is widerspruch, klage, antrag-86b or none;
/// <c>objectionDeadline</c> is the remedy deadline of a notice open to a Widerspruch.
/// </summary>
public sealed record NoticeDto(
    Guid Id,
    NoticeKind Kind,
    string? Version,
    Guid PersonId,
    Guid SubjectId,
    DateOnly IssuedOn,
    NoticeIssuerDto IssuedBy,
    NoticeAuthorityDto Authority,
    NoticeDispatchDto? Dispatch,
    DateOnly? NotifiedOn,
    DateOnly? ObjectionDeadline,
    string Remedy,
    DateOnly? RemedyDeadline,
    NoticeOrigin Origin,
    IReadOnlyList<NoticeAnnexDto> Annexes)
{
    /// <summary>The notice; <paramref name="issuer"/> names who issued one the fold inferred for a placement recorded before v3 (its event's header).</summary>
    public static NoticeDto From(Guid personId, Notice n, NoticeSettings settings, Policy policy, Actor? issuer = null)
    {
        var issuedBy = n.IssuedBy.Length > 0 ? new NoticeIssuerDto(n.IssuedByName, n.IssuedByRole)
            : new NoticeIssuerDto(issuer?.Name ?? "", issuer?.Role ?? "");
        return new NoticeDto(n.NoticeId, n.Kind, n.Version, personId, n.SubjectId, n.IssuedOn, issuedBy,
            new NoticeAuthorityDto(n.Authority, settings.AuthorityName(n.Authority)),
            n.Dispatch is { } d ? new NoticeDispatchDto(d.Method, d.On, d.RecordedBy) : null,
            n.NotifiedOn, n.ObjectionDeadline(policy), RemedyName(n.Remedy), n.RemedyDeadline(policy), n.Origin,
            (n.Annexes ?? []).Select(a => new NoticeAnnexDto(a.Language, a.Version)).ToList());
    }

    // Written out: the enum's kebab-case would read "antrag86b".
#pragma warning disable CS8524
    public static string RemedyName(Remedy remedy) => remedy switch
    {
        Domain.Notices.Remedy.Widerspruch => "widerspruch",
        Domain.Notices.Remedy.Klage => "klage",
        Domain.Notices.Remedy.Antrag86b => "antrag-86b",
        Domain.Notices.Remedy.None => "none",
    };
#pragma warning restore CS8524
}
