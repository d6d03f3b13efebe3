using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace AGH.Tests.Http;

public sealed class SecondNodeFactory(string connectionString) : AghFactory(connectionString);

/// <summary>The staff app's cookies and forms are protected with one key ring in the database, shared by every node.</summary>
public sealed class DataProtectionTests : IAsyncLifetime
{
    private readonly AghFactory _first = new();

    public Task InitializeAsync() => ((IAsyncLifetime)_first).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_first).DisposeAsync();

    [Fact]
    public async Task A_sign_in_protected_on_one_node_is_read_on_another_and_after_a_restart()
    {
        _first.CreateClient();
        var sealedOnFirst = _first.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "AghStaff", "v2")
            .Protect("a signed-in caseworker");

        await using var second = new SecondNodeFactory(_first.ConnectionString);
        second.CreateClient();
        second.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "AghStaff", "v2")
            .Unprotect(sealedOnFirst).Should().Be("a signed-in caseworker");

        await using var session = _first.Store.QuerySession();
        (await session.Query<AGH.Api.Infrastructure.DataProtectionKey>().CountAsync()).Should().Be(1, "both nodes use the one key in the database");
    }
}
