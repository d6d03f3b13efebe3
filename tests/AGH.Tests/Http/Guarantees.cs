namespace AGH.Tests.Http;

/// <summary>
/// The guarantee tests (outage, crash safety, production auth) need PostgreSQL binaries for a cluster of their own.
/// On a developer's machine without them they skip; under `make test` (AGH_REQUIRE_GUARANTEES=1) or in CI (CI=true)
/// they fail instead, because a guarantee that was not tested is not a guarantee.
/// </summary>
public static class Guarantees
{
    public static bool Required =>
        IsSet(Environment.GetEnvironmentVariable("AGH_REQUIRE_GUARANTEES")) || IsSet(Environment.GetEnvironmentVariable("CI"));

    private static bool IsSet(string? value) => value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>Skips the test when <paramref name="reason"/> is not null, or fails it when guarantees are required.</summary>
    public static void SkipOrFailIf(string? reason)
    {
        if (reason is null) return;
        if (Required)
            throw new Xunit.Sdk.XunitException(
                $"A guarantee test cannot run and must not be skipped (AGH_REQUIRE_GUARANTEES or CI is set): {reason}. Run scripts/pg.sh ensure-installed.");
        Skip.If(true, reason);
    }
}
