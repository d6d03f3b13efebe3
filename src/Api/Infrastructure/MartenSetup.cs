using JasperFx.Events.Projections;
using Weasel.Core;
using Wolverine.Marten;

namespace AGH.Api.Infrastructure;

public static class MartenSetup
{
    public const string Schema = "agh";

    public static void AddAghMarten(this IServiceCollection services, string connectionString)
    {
        services.AddMarten(sp =>
            {
                var opts = new StoreOptions();
                opts.Connection(DatabaseConnection.WithOutageLimits(connectionString));
                opts.DatabaseSchemaName = Schema;
                // Marten's command logger writes failed SQL with its parameters, i.e. social data; errors surface via the API's own log.
                opts.Logger(new PrivacyMartenLogger(sp.GetRequiredService<ILogger<PrivacyMartenLogger>>()));
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, Json.Configure);
                opts.Events.MetadataConfig.HeadersEnabled = true;
                opts.Events.MetadataConfig.UserNameEnabled = true;
                // Nearly all events are hours, which no document view reads: with (type, seq_id) a rebuild or a catching-up
                // async view reads its few event types by index instead of scanning every hour event.
                opts.Events.EnableEventTypeIndex = true;
                opts.Listeners.Add(new EventStamping(sp.GetRequiredService<TimeProvider>()));

                // Inline: every write updates these in the same transaction, so reads and rule checks are never stale.
                opts.Projections.Add<OfferProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<PersonProjection>(ProjectionLifecycle.Inline);
                // One row per hour event, in a table of its own (HourRows): a command reads a week, a view a placement, by index.
                opts.Projections.Add(new HourRowsProjection(Schema), ProjectionLifecycle.Inline);
                opts.Storage.ExtendedSchemaObjects.Add(HourRows.Table(Schema));
                opts.Storage.ExtendedSchemaObjects.Add(HourRows.TotalsTable(Schema));
                opts.Storage.ExtendedSchemaObjects.Add(StreamVersionAssertion.Function(Schema));
                opts.Projections.Add<PlacementIndexProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<ProposalIndexProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<NoticeIndexProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<PayoutRunProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<ExpenseProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<RecoveryProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<AbsenceReportProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<AccidentProjection>(ProjectionLifecycle.Inline);

                // Async: the quota report may trail writes by a moment; the daemon catches up after outages.
                opts.Projections.Add<QuotaOfferProjection>(ProjectionLifecycle.Async);
                opts.Projections.Add<QuotaPersonProjection>(ProjectionLifecycle.Async);
                // The district's report (contract v3c): built by the daemon from the stored events, also on a database written before it.
                opts.Projections.Add<ReportOfferProjection>(ProjectionLifecycle.Async);
                opts.Projections.Add<ReportPersonProjection>(ProjectionLifecycle.Async);
                opts.Events.AddEventTypes(AGH.Domain.Common.EventTypes.All);
                AGH.Api.Retention.Erasure.AddMaskingRules(opts.Events);

                opts.Schema.For<Offer>().Index(x => x.Municipality);
                opts.Schema.For<Person>().Index(x => x.Municipality);
                // The person list's order: its first page is read off this index instead of sorting every person.
                opts.Schema.For<Person>().Index([x => x.FamilyName, x => x.GivenName]);
                // Search by name or file reference: the folded key in its own column with a trigram index, so
                // LIKE '%term%' stays an index scan at 100,000 persons (pg_trgm ships with PostgreSQL and is a trusted extension).
                opts.Storage.ExtendedSchemaObjects.Add(new Weasel.Postgresql.Extension("pg_trgm"));
                opts.Schema.For<Person>().Duplicate(x => x.SearchKey, configure: index =>
                {
                    index.Method = Weasel.Postgresql.Tables.IndexMethod.gin;
                    index.Mask = "? gin_trgm_ops";
                });
                opts.Schema.For<AGH.Domain.Payouts.PayoutRun>().Index(x => x.Month);
                opts.Schema.For<DataProtectionKey>();
                opts.Schema.For<StaffMember>();
                opts.Schema.For<DevelopmentSigningKeyDocument>();
                opts.Schema.For<ProposalIndex>().Index(x => x.RestrictionEndsOn).Index(x => x.Status).Index(x => x.ObjectionStatus);
                opts.Schema.For<PlacementIndex>().Index(x => x.PersonId).Index(x => x.OfferId).Index(x => x.Municipality);
                opts.Schema.For<NoticeIndex>().Index(x => x.AwaitingDispatch);
                opts.Schema.For<AGH.Domain.Payouts.Recovery>().Index(x => x.PersonId).Index(x => x.EntryId);
                opts.Schema.For<AGH.Domain.Placements.AbsenceReport>().Index(x => x.Municipality).Index(x => x.ProviderId).Index(x => x.Status);
                opts.Schema.For<AGH.Domain.Placements.Accident>().Index(x => x.Municipality).Index(x => x.ProviderId).Index(x => x.Status);
                opts.Schema.For<AGH.Domain.Payouts.Expense>().Index(x => x.PersonId).Index(x => x.Municipality).Index(x => x.Month);
                return opts;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            // Wolverine runs each async projection on exactly one node of the cluster and moves it when a node dies;
            // it also gives commands their transaction, outbox and stored Idempotency-Key answers.
            .IntegrateWithWolverine(w => w.UseWolverineManagedEventSubscriptionDistribution = true);
    }
}
