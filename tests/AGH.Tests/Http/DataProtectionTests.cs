using System.Security.Cryptography;
using System.Xml.Linq;
using AGH.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AGH.Tests.Http;

public sealed class SecondNodeFactory(string connectionString) : AghFactory(connectionString);

/// <summary>
/// The staff app's cookies and forms are protected with one key ring in the database, shared by every node; with
/// DataProtection:EncryptionKey (required outside Development) the ring is stored encrypted.
/// </summary>
public sealed class DataProtectionTests : IAsyncLifetime
{
    private static readonly string[] CookiePurpose = ["Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "AghStaff", "v2"];

    private readonly AghFactory _first = new();

    public Task InitializeAsync() => ((IAsyncLifetime)_first).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_first).DisposeAsync();

    [Fact]
    public async Task A_sign_in_protected_on_one_node_is_read_on_another_and_after_a_restart()
    {
        _first.CreateClient();
        var sealedOnFirst = _first.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector(CookiePurpose)
            .Protect("a signed-in caseworker");

        await using var second = new SecondNodeFactory(_first.ConnectionString);
        second.CreateClient();
        second.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector(CookiePurpose)
            .Unprotect(sealedOnFirst).Should().Be("a signed-in caseworker");

        await using var session = _first.Store.QuerySession();
        (await session.Query<AGH.Api.Infrastructure.DataProtectionKey>().CountAsync()).Should().Be(1, "both nodes use the one key in the database");
    }

    [Fact]
    public async Task With_an_encryption_key_the_stored_ring_holds_no_readable_key_and_only_nodes_with_that_key_read_the_cookies()
    {
        var encryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var first = new ConfiguredFactory([new("DataProtection:EncryptionKey", encryptionKey)], _first.ConnectionString);
        var sealedOnFirst = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(CookiePurpose).Protect("a signed-in caseworker");

        await using var second = new ConfiguredFactory([new("DataProtection:EncryptionKey", encryptionKey)], _first.ConnectionString);
        second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(CookiePurpose).Unprotect(sealedOnFirst)
            .Should().Be("a signed-in caseworker", "a node with the same key reads the other's cookies");

        // What the database holds, read past the service: the key's descriptor is there, its secret is not.
        var stored = new List<string>();
        await using (var conn = new NpgsqlConnection(_first.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("select data::text from agh.mt_doc_dataprotectionkey", conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) stored.Add(reader.GetString(0));
        }
        var xml = stored.Should().ContainSingle("both nodes use the one key").Subject;
        var element = XElement.Parse(System.Text.Json.JsonDocument.Parse(xml).RootElement.GetProperty("xml").GetString()!);
        var descriptor = element.Element("descriptor")!;
        descriptor.Descendants().Where(e => e.Name.LocalName == "masterKey").Should().BeEmpty("the master key is not stored readable");
        // The framework's wrapper (in its own XML namespace) names the decryptor; inside it, only the sealed bytes.
        var secret = descriptor.Descendants().Where(e => e.Name.LocalName == "encryptedSecret").Should().ContainSingle(xml).Subject;
        ((string?)secret.Attribute("decryptorType")).Should().StartWith(typeof(AesGcmXmlDecryptor).FullName!);
        var value = (string)secret.Descendants("value").Single();
        Convert.FromBase64String(value).Length.Should().BeGreaterThan(100, "the sealed master key with its XML");
        xml.Should().NotContain("masterKey");

        await using var stranger = new ConfiguredFactory(
            [new("DataProtection:EncryptionKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))], _first.ConnectionString);
        stranger.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(CookiePurpose)
            .Invoking(p => p.Unprotect(sealedOnFirst)).Should().Throw<CryptographicException>("without the key the stored ring is useless");
    }
}
