using System.Reflection;
using AGH.Api.Infrastructure;
using AGH.Projections;

namespace AGH.Tests.Unit;

/// <summary>`projections rebuild` rebuilds every view: a projection added to AGH.Projections and not to the list would stay wrong after a fix.</summary>
public sealed class ProjectionRebuildListTests
{
    [Fact]
    public void Every_document_projection_of_the_projections_assembly_is_in_the_rebuild_list()
    {
        // The hour rows are a table of their own, rebuilt set-based by PostgreSQL (HourRowsRebuild), not by the daemon.
        var projections = typeof(OfferProjection).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Projection", StringComparison.Ordinal) && t != typeof(HourRowsProjection)
                && t.GetConstructor(Type.EmptyTypes) is not null)
            .ToList();
        projections.Should().Contain([typeof(ExpenseProjection), typeof(RecoveryProjection), typeof(PersonProjection)], "the scan finds the projections");
        ProjectionRebuild.All.Should().BeEquivalentTo(projections);
    }
}
