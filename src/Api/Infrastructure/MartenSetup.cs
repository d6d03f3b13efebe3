using AGH.Domain.Offers;
using AGH.Domain.Persons;
using AGH.Projections;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Core;

namespace AGH.Api.Infrastructure;

public static class MartenSetup
{
    public const string Schema = "agh";

    public static void AddAghMarten(this IServiceCollection services, string connectionString)
    {
        services.AddMarten(opts =>
            {
                opts.Connection(connectionString);
                opts.DatabaseSchemaName = Schema;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, Json.Configure);
                opts.Events.MetadataConfig.HeadersEnabled = true;
                opts.Events.MetadataConfig.UserNameEnabled = true;

                // Inline: every write updates these in the same transaction, so reads and rule checks are never stale.
                opts.Projections.Add<OfferProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<PersonProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<PlacementIndexProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<ProposalIndexProjection>(ProjectionLifecycle.Inline);

                opts.Schema.For<Offer>().Index(x => x.Municipality);
                opts.Schema.For<Person>().Index(x => x.Municipality);
                opts.Schema.For<PlacementIndex>().Index(x => x.PersonId).Index(x => x.OfferId).Index(x => x.Municipality);
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup();
    }
}
