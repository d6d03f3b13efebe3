using Marten.Services;
using Npgsql;

namespace AGH.Api.Infrastructure;

/// <summary>
/// Marten's default logger writes failed SQL with its parameters, which here are social data. This one records only
/// that a command failed and how (exception type, SQLSTATE); lost write races are expected and logged at Debug.
/// </summary>
public sealed class PrivacyMartenLogger(ILogger<PrivacyMartenLogger> log) : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => log.LogInformation("Marten applied a schema change");

    public void LogSuccess(NpgsqlCommand command) { }

    public void LogSuccess(NpgsqlBatch batch) { }

    public void LogFailure(NpgsqlCommand command, Exception ex) => Failure(ex);

    public void LogFailure(NpgsqlBatch batch, Exception ex) => Failure(ex);

    public void LogFailure(Exception ex, string message) => Failure(ex);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }

    public void OnBeforeExecute(NpgsqlCommand command) { }

    public void OnBeforeExecute(NpgsqlBatch batch) { }

    private void Failure(Exception ex)
    {
        var level = ErrorHandler.IsRace(ex) ? LogLevel.Debug : ErrorHandler.IsDatabaseUnavailable(ex) ? LogLevel.Warning : LogLevel.Error;
        log.Log(level, "Database command failed: {Exception} (SQLSTATE {SqlState})", ex.GetType().FullName,
            (ex as PostgresException ?? ex.InnerException as PostgresException)?.SqlState);
    }
}
