namespace AGH.Domain.Common;

/// <summary>How a rejection surfaces: the API maps each kind to one HTTP status.</summary>
public enum RejectionKind
{
    NotFound,
    Forbidden,
    Conflict,
    Unprocessable,
}

public sealed record Rejection(RejectionKind Kind, string Code, string Detail)
{
    /// <summary>Members the problem carries beside its code (e.g. <c>duplicateOf</c>).</summary>
    public IReadOnlyDictionary<string, object>? Data { get; init; }

    public static Rejection NotFound(string code, string detail) => new(RejectionKind.NotFound, code, detail);
    public static Rejection Forbidden(string code, string detail) => new(RejectionKind.Forbidden, code, detail);
    public static Rejection Conflict(string code, string detail) => new(RejectionKind.Conflict, code, detail);
    public static Rejection Unprocessable(string code, string detail) => new(RejectionKind.Unprocessable, code, detail);
}

/// <summary>One event for one stream. Decisions may touch several streams (an assignment writes person and offer).</summary>
public sealed record StreamEvent(Guid StreamId, IDomainEvent Event);

/// <summary>The outcome of a pure decision: the events to append, or why nothing is appended.</summary>
public sealed record Decision(IReadOnlyList<StreamEvent> Events, Rejection? Rejection)
{
    public bool IsRejected => Rejection is not null;

    public static Decision Accept(params StreamEvent[] events) => new(events, null);

    public static Decision Reject(Rejection rejection) => new([], rejection);

    public static implicit operator Decision(Rejection rejection) => Reject(rejection);
}

/// <summary>Marks the first event of a stream: appending it starts a new stream, and fails if one exists.</summary>
public interface IStartsStream : IDomainEvent;
