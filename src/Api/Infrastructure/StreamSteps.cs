using AGH.Api.Persons;
using AGH.Api.Payouts;
using AGH.Api.Placements;

namespace AGH.Api.Infrastructure;

/// <summary>
/// The seam between <see cref="CommandPipeline"/> and the loaders: for each stream type a decision can name, how it is
/// loaded with its lock (a <c>Load…</c> returning it), when it is missing or stale (<c>Found</c>: 404, then If-Match
/// against the revision its GET answers as ETag) and where the decision's events go (<c>Append</c>).
/// </summary>
public static class StreamSteps
{
    public static Task<PlacementStream?> LoadPlacement(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Placement(session, id, http, ct);

    // A placement lives in its person's stream: its ETag is that stream's version, as read with the lock.
    public static ProblemDetails Found(PlacementStream? stream, HttpContext http) => Current(stream, "placement", http, stream?.Stream.StartingVersion);

    public static void Append(IDocumentSession session, Decision decision, PlacementStream stream) =>
        Streams.Append(session, decision, Streams.Of(stream.Stream));

    public static Task<HoursStream?> LoadHours(LogHours command, IDocumentSession session, HttpContext http, HoursCopies copies, CancellationToken ct) =>
        HoursStream.Load(session, command, http, ct, copies);

    public static Task<HoursStream?> LoadHours(CorrectHours command, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        HoursStream.Load(session, command, http, ct);

    public static Task<HoursStream?> LoadHours(RecordRefusal command, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        HoursStream.Load(session, command, http, ct);

    // A precondition that fails on a kept copy is checked again under the lock (HoursCopyRerun).
    public static ProblemDetails Found(HoursStream? stream, HttpContext http) =>
        Found(stream?.Placement, http) is var problem && problem != WolverineContinue.NoProblems && stream?.Pending is { FromCopy: true }
            ? throw new RefusedOnCopyException()
            : problem;

    public static void Append(IDocumentSession session, Decision decision, HoursStream stream)
    {
        Append(session, decision, stream.Placement);
        stream.Pending?.Appended(decision);
    }

    public static Task<ProposalStream?> LoadProposal(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Proposal(session, id, http, ct);

    // The proposal's ETag is its person's stream version, like a placement's.
    public static ProblemDetails Found(ProposalStream? stream, HttpContext http) => Current(stream, "sanction proposal", http, stream?.Stream.StartingVersion);

    public static void Append(IDocumentSession session, Decision decision, ProposalStream stream) =>
        Streams.Append(session, decision, Streams.Of(stream.Stream));

    public static Task<IEventStream<Person>?> LoadPerson(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Person(session, id, http, ct);

    public static ProblemDetails Found(IEventStream<Person>? stream, HttpContext http) => Current(stream, "person", http, stream?.StartingVersion);

    public static void Append(IDocumentSession session, Decision decision, IEventStream<Person> stream) =>
        Streams.Append(session, decision, Streams.Of(stream));

    public static ProblemDetails Found(PersonStream? stream, HttpContext http) => Found(stream?.Stream, http);

    public static void Append(IDocumentSession session, Decision decision, PersonStream stream) => Append(session, decision, stream.Stream);

    public static Task<PersonRegistry> LoadRegistry(RegisterPerson command, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        PersonRegistry.Load(session, Access.Actor(http), command.FamilyName, command.GivenName, command.FileReference, ct);

    // A registration starts its stream: nothing to find, nothing to match.
    public static ProblemDetails Found(PersonRegistry registry) => WolverineContinue.NoProblems;

    public static void Append(IDocumentSession session, Decision decision, PersonRegistry registry) => Streams.Append(session, decision);

    public static Task<PersonCorrectionStream?> LoadCorrection(CorrectPerson command, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        PersonCorrectionStream.Load(session, command, http, ct);

    public static ProblemDetails Found(PersonCorrectionStream? stream, HttpContext http) => Found(stream?.Stream, http);

    public static void Append(IDocumentSession session, Decision decision, PersonCorrectionStream stream) => Append(session, decision, stream.Stream);

    public static Task<DuplicatePair?> LoadDuplicate(MarkDuplicate command, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        DuplicatePair.Load(session, command, http, ct);

    public static ProblemDetails Found(DuplicatePair? pair, HttpContext http) =>
        pair is null ? Problems.NotFound("person") : pair.Kept is null ? Problems.NotFound("person to keep") : Found(pair.Stream, http);

    public static void Append(IDocumentSession session, Decision decision, DuplicatePair pair) => Append(session, decision, pair.Stream);

    public static Task<IEventStream<Offer>?> LoadOffer(Guid id, IDocumentSession session, CancellationToken ct) => Streams.Offer(session, id, ct);

    /// <summary>Offers are public within the district, so a foreign offer is 403, not 404; to a provider another's offer is unknown (404, v3c).</summary>
    public static ProblemDetails Found(IEventStream<Offer>? stream, HttpContext http) =>
        stream is not null && Access.Actor(http) is { Role: Roles.Caseworker } actor && actor.Municipality != stream.Aggregate!.Municipality
            ? Problems.Forbidden("A caseworker changes offers of their own municipality only.")
            : Current(stream is not null && ProviderScope.MaySee(Access.Actor(http), stream.Aggregate!) ? stream : null, "offer", http, stream?.Aggregate!.Revision);

    public static void Append(IDocumentSession session, Decision decision, IEventStream<Offer> stream) =>
        Streams.Append(session, decision, Streams.Of(stream));

    // Offer before person, as everywhere, so two commands never deadlock on the two rows.
    public static async Task<AssignmentParties> LoadParties(AssignPerson command, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        new(await Streams.Offer(session, command.OfferId, ct), await CommandStreams.Person(session, command.PersonId, http, ct));

    // The person is checked first, as before the move to locked streams; an assignment takes no If-Match.
    public static ProblemDetails Found(AssignmentParties parties) =>
        parties.Person is null ? Problems.NotFound("person") : parties.Offer is null ? Problems.NotFound("offer") : WolverineContinue.NoProblems;

    public static void Append(IDocumentSession session, Decision decision, AssignmentParties parties) =>
        Streams.Append(session, decision, Streams.Of(parties.Offer!), Streams.Of(parties.Person!));

    public static Task<PayoutRun?> LoadPayoutRun(Guid id, IDocumentSession session, CancellationToken ct) => PayoutRunCommand.Load(id, session, ct);

    // Payout runs carry no ETag: no If-Match.
    public static ProblemDetails Found(PayoutRun? run) => run is null ? Problems.NotFound("payout run") : WolverineContinue.NoProblems;

    public static void Append(IDocumentSession session, Decision decision, PayoutRun run) => PayoutPreparation.AppendToLedger(session, decision);

    /// <summary>A decision on no loaded stream: it starts its streams.</summary>
    public static void Append(IDocumentSession session, Decision decision) => Streams.Append(session, decision);

    public static Task<AGH.Api.Notices.NoticeStream?> LoadNotice(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        AGH.Api.Notices.NoticeStream.Load(session, id, http, ct);

    // New resources carry no ETag (contract v3): no If-Match on a notice.
    public static ProblemDetails Found(AGH.Api.Notices.NoticeStream? stream) => stream is null ? Problems.NotFound("notice") : WolverineContinue.NoProblems;

    public static void Append(IDocumentSession session, Decision decision, AGH.Api.Notices.NoticeStream stream) =>
        Streams.Append(session, decision, Streams.Of(stream.Stream));

    public static Task<AGH.Api.Expenses.ExpenseStream?> LoadExpense(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        AGH.Api.Expenses.ExpenseStream.Load(session, id, http, ct);

    // Expenses are new resources (contract v3): no ETag, no If-Match.
    public static ProblemDetails Found(AGH.Api.Expenses.ExpenseStream? stream) => stream is null ? Problems.NotFound("expense") : WolverineContinue.NoProblems;

    public static void Append(IDocumentSession session, Decision decision, AGH.Api.Expenses.ExpenseStream stream) =>
        Streams.Append(session, decision, Streams.Of(stream.Stream));

    public static Task<AGH.Api.Recoveries.RecoveryStream?> LoadRecovery(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        AGH.Api.Recoveries.RecoveryStream.Load(session, id, http, ct);

    // Recoveries are new resources (contract v3): no ETag, no If-Match.
    public static ProblemDetails Found(AGH.Api.Recoveries.RecoveryStream? stream) => stream is null ? Problems.NotFound("recovery") : WolverineContinue.NoProblems;

    public static void Append(IDocumentSession session, Decision decision, AGH.Api.Recoveries.RecoveryStream stream) =>
        Streams.Append(session, decision, Streams.Of(stream.Stream));

    public static Task<AGH.Api.Accidents.AccidentPlacement?> LoadAccidentPlacement(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        AGH.Api.Accidents.AccidentPlacement.Load(session, id, http, ct);

    public static ProblemDetails Found(AGH.Api.Accidents.AccidentPlacement? stream, HttpContext http) => Found(stream?.Placement, http);

    public static void Append(IDocumentSession session, Decision decision, AGH.Api.Accidents.AccidentPlacement stream) => Append(session, decision, stream.Placement);

    public static Task<AGH.Api.AbsenceReports.AbsenceReportStream?> LoadAbsenceReport(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        AGH.Api.AbsenceReports.AbsenceReportStream.Load(session, id, http, ct, withWeek: true);

    // Absence reports and accidents are new resources (contract v3): no ETag, no If-Match.
    public static ProblemDetails Found(AGH.Api.AbsenceReports.AbsenceReportStream? stream) => stream is null ? Problems.NotFound("absence-report") : WolverineContinue.NoProblems;

    public static void Append(IDocumentSession session, Decision decision, AGH.Api.AbsenceReports.AbsenceReportStream stream) =>
        Streams.Append(session, decision, Streams.Of(stream.Stream));

    public static Task<AGH.Api.Accidents.AccidentStream?> LoadAccident(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        AGH.Api.Accidents.AccidentStream.Load(session, id, http, ct);

    public static ProblemDetails Found(AGH.Api.Accidents.AccidentStream? stream) => stream is null ? Problems.NotFound("accident") : WolverineContinue.NoProblems;

    public static void Append(IDocumentSession session, Decision decision, AGH.Api.Accidents.AccidentStream stream) =>
        Streams.Append(session, decision, Streams.Of(stream.Stream));

    // Loaders a decision names with an attribute on its stream parameter (LoadedWithAttribute), for what it locks or reads beyond the stream.
    public static Task<PlacementStream?> PlacementFreeingPlace(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Placement(session, id, http, ct, writesOffer: true);

    public static Task<ProposalStream?> ProposalWithHoursAfterRefusal(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Proposal(session, id, http, ct, hoursAfterRefusal: true);

    private static ProblemDetails Current(object? stream, string what, HttpContext http, long? revision) =>
        stream is null ? Problems.NotFound(what) : Preconditions.Check(http, revision!.Value) ?? WolverineContinue.NoProblems;
}

/// <summary>The offer and the person of an assignment, both locked for the transaction; null where not found or not visible.</summary>
public sealed record AssignmentParties(IEventStream<Offer>? Offer, IEventStream<Person>? Person);

