using System.Data.Common;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;

namespace AGH.Api.Infrastructure;

/// <summary>
/// A statement in a write batch that fails unless a stream is still at the version a decision read, for a stream the
/// decision read but does not write. It raises in the database (Marten's own version code, MT003: a race, 409) ahead of
/// the batch's appends, so they never run and no event sequence number is spent. Marten's AssertStreamVersion checks on
/// the client after the whole batch ran, and so leaves a tombstone event for the numbers the appends took.
/// </summary>
public static class StreamVersionAssertion
{
    private const string Name = "assert_stream_version";

    public static Function Function(string schema) => new(new PostgresqlObjectName(schema, Name, SchemaUtils.IdentifierUsage.General), $"""
        CREATE OR REPLACE FUNCTION {schema}.{Name}(stream uuid, expected bigint) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM {schema}.mt_streams WHERE id = stream AND version = expected) THEN
            RAISE EXCEPTION 'stream % is not at version %', stream, expected USING ERRCODE = 'MT003';
          END IF;
        END;
        $$;
        """);

    /// <summary>Queue it before the decision's events are appended.</summary>
    public static void Queue(IDocumentSession session, Guid stream, long expected) => session.QueueOperation(new Assertion(stream, expected));

    private sealed class Assertion(Guid stream, long expected) : Weasel.Storage.IStorageOperation
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
            builder.Append(")");
        }

        public Task PostprocessAsync(DbDataReader reader, IList<Exception> exceptions, CancellationToken token) => Task.CompletedTask;
    }
}
