using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace AGH.Api.Infrastructure;

/// <summary>A data protection key ring entry (the staff app's sign-in cookies and antiforgery tokens are protected with it).</summary>
public sealed class DataProtectionKey
{
    public string Id { get; set; } = "";
    public string Xml { get; set; } = "";
}

/// <summary>
/// The key ring lives in the service's database, so every node reads the cookies and forms of every other node (behind
/// the load balancer a sign-in on one node holds on the next), and a restart does not sign everybody out.
/// </summary>
public sealed class MartenXmlRepository(IDocumentStore store) : IXmlRepository
{
    // IXmlRepository is synchronous and Marten 9 only reads asynchronously: the key ring is read once and cached for
    // hours, so blocking here costs nothing a request would notice.
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store.QuerySession();
        var keys = session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult();
        return keys.Select(k => XElement.Parse(k.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }

    /// <summary>With <c>DataProtection:EncryptionKey</c> (required outside Development) new keys are stored encrypted.</summary>
    public static void AddAghDataProtection(IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection().SetApplicationName("agh");
        services.AddOptions<KeyManagementOptions>().Configure<IDocumentStore>((o, store) => o.XmlRepository = new MartenXmlRepository(store));
        if (KeyRingEncryption.Parse(configuration[KeyRingEncryption.SettingKey]) is not { } key) return;
        var ringKey = new KeyRingKey(key);
        services.AddSingleton(ringKey);
        services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new AesGcmXmlEncryptor(ringKey));
    }
}
