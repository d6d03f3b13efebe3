namespace AGH.Api.Infrastructure;

/// <summary>Who, on which legal basis and when: recorded with every event, outside the domain payload.</summary>
public static class EventHeaders
{
    public const string Actor = "actor";
    public const string LegalBasis = "legalBasis";
    public const string RecordedAt = "recordedAt";

    public static void Stamp(IEvent e, Actor actor, DateTimeOffset now)
    {
        e.SetHeader(Actor, actor);
        e.SetHeader(LegalBasis, EventLegalBasis.Of(e.Data));
        e.SetHeader(RecordedAt, now.ToString("O"));
    }

    /// <summary>The service clock's instant of recording; Marten's own timestamp for events written without one.</summary>
    public static DateTimeOffset RecordedAtOf(IEvent e) => RecordedAtOf(e.Headers) ?? e.Timestamp;

    public static DateTimeOffset? RecordedAtOf(IReadOnlyDictionary<string, object>? headers) =>
        headers?.TryGetValue(RecordedAt, out var v) == true && v is not null &&
        DateTimeOffset.TryParse(Text(v), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at)
            ? at
            : null;

    public static Actor? ActorOf(IEvent e) => ActorOf(e.Headers);

    public static Actor? ActorOf(IReadOnlyDictionary<string, object>? headers)
    {
        if (headers?.TryGetValue(Actor, out var v) != true || v is null) return null;
        if (v is Actor actor) return actor;
        var raw = v is System.Text.Json.JsonElement j ? j.GetRawText() : System.Text.Json.JsonSerializer.Serialize(v);
        // A history repeats the same few actors hundreds of times.
        return Actors.GetOrAdd(raw, static r => System.Text.Json.JsonSerializer.Deserialize<Actor>(r, Json.Options));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Actor?> Actors = new();

    public static string LegalBasisOf(IEvent e) =>
        e.Headers?.TryGetValue(LegalBasis, out var v) == true && v is not null ? Text(v)! : EventLegalBasis.Of(e.Data);

    private static string? Text(object v) =>
        v is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } j ? j.GetString() : v.ToString();
}
