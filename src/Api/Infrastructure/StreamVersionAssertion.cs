using System.Data.Common;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;

namespace AGH.Api.Infrastructure;

/// <summary>
/// A statement in a write batch that fails unless a stream is still at the version a decision read. It raises in the
/// database (Marten's own version code, MT003: a race, 409) ahead of the batch's appends, so they never run and no event
/// sequence number is spent. Marten's AssertStreamVersion checks on the client after the whole batch ran, and so leaves
/// a tombstone event for the numbers the appends took. With <c>lockRow</c> it also locks the stream's row, as a command
/// that fetched the stream for writing holds it: a write that takes the row first, then appends, waits in the same order
/// as the others (appending first, it deadlocked with a locked command's append of the same version).
/// </summary>
public static class StreamVersionAssertion
{
    private const string Name = "assert_stream_version";

    public static Function Function(string schema) => new(new PostgresqlObjectName(schema, Name, SchemaUtils.IdentifierUsage.General), $"""
        CREATE OR REPLACE FUNCTION {schema}.{Name}(stream uuid, expected bigint, lock_row boolean) RETURNS void LANGUAGE plpgsql AS $$
        DECLARE
          current bigint;
        BEGIN
          IF lock_row THEN
            SELECT version INTO current FROM {schema}.mt_streams WHERE id = stream FOR UPDATE;
          ELSE
            SELECT version INTO current FROM {schema}.mt_streams WHERE id = stream;
          END IF;
          IF current IS DISTINCT FROM expected THEN
            RAISE EXCEPTION 'stream % is not at version %', stream, expected USING ERRCODE = 'MT003';
          END IF;
        END;
        $$;
        """);

    /// <summary>Queue it before the decision's events are appended; lock only the streams the batch writes, in the order every command locks them.</summary>
    public static void Queue(IDocumentSession session, Guid stream, long expected, bool lockRow) =>
        session.QueueOperation(new Assertion(stream, expected, lockRow));

    private sealed class Assertion(Guid stream, long expected, bool lockRow) : Weasel.Storage.IStorageOperation
    {
        // Marten sends the event operations first, in the order queued: this one before the appends queued after it.
        public Type DocumentType => typeof(IEvent);

        public OperationRole Role() => OperationRole.Other;

        public void ConfigureCommand(Weasel.Core.ICommandBuilder builder, Weasel.Storage.IStorageSession session)
        {
            builder.Append($"select {MartenSetup.Schema}.{Name}(");
            builder.AppendParameter(stream);
            builder.Append(", ");
            builder.AppendParameter(expected);
            builder.Append(", ");
            builder.AppendParameter(lockRow);
            builder.Append(")");
        }

        public Task PostprocessAsync(DbDataReader reader, IList<Exception> exceptions, CancellationToken token) => Task.CompletedTask;
    }
}
