using AGH.Tests.Http;

namespace AGH.Tests.Unit;

public sealed class GuaranteesTests
{
    [Fact]
    public void A_guarantee_test_that_cannot_run_fails_where_guarantees_are_required_and_skips_elsewhere()
    {
        Guarantees.SkipOrFailIf(null);
        var act = () => Guarantees.SkipOrFailIf("no PostgreSQL binaries");
        if (Guarantees.Required) act.Should().Throw<Xunit.Sdk.XunitException>().WithMessage("*must not be skipped*no PostgreSQL binaries*");
        else act.Should().Throw<SkipException>();
    }
}
