using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace AGH.Api.Infrastructure;

/// <summary>
/// The data-protection key ring (it protects the staff app's sign-in cookies) is encrypted at rest with
/// <c>DataProtection:EncryptionKey</c>: AES-256-GCM with a key shared by every node. The framework's own encryptors
/// need a certificate or Windows DPAPI; a symmetric key from configuration fits nodes that share only the database.
/// </summary>
public static class KeyRingEncryption
{
    public const string SettingKey = "DataProtection:EncryptionKey";
    public const int KeyBytes = 32;

    /// <summary>Why the service must not start, or null: outside Development the key is required; when given, it must be valid.</summary>
    public static string? MissingSetting(IConfiguration configuration, bool isDevelopment)
    {
        var value = configuration[SettingKey];
        if (string.IsNullOrWhiteSpace(value))
            return isDevelopment ? null
                : $"AGH refuses to start: the setting {SettingKey} (environment DataProtection__EncryptionKey) is not configured; "
                  + $"outside Development the key ring of the staff app's cookies is stored encrypted with it (base64 of {KeyBytes} random bytes, the same on every node).";
        // The value itself never reaches a log line.
        return Parse(value) is null
            ? $"AGH refuses to start: the setting {SettingKey} (environment DataProtection__EncryptionKey) is not the base64 of "
              + $"{KeyBytes} bytes (e.g. the output of `openssl rand -base64 {KeyBytes}`)."
            : null;
    }

    public static byte[]? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) && written == KeyBytes ? buffer[..KeyBytes] : null;
    }
}

/// <summary>The configured key ring key, for the decryptor the framework creates by type name.</summary>
public sealed record KeyRingKey(byte[] Bytes)
{
    /// <summary>Names the key without revealing it, so a ring written with another key is reported as such.</summary>
    public string Id => Convert.ToHexStringLower(SHA256.HashData(Bytes)[..8]);
}

public sealed class AesGcmXmlEncryptor(KeyRingKey key) : IXmlEncryptor
{
    internal const string Element = "encryptedKey";
    internal const int NonceBytes = 12;
    internal const int TagBytes = 16;
    internal static readonly byte[] Context = Encoding.UTF8.GetBytes("agh:data-protection-key-ring:v1");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceBytes + plaintext.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Bytes, TagBytes))
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceBytes, plaintext.Length), sealedBytes.AsSpan(NonceBytes + plaintext.Length), Context);
        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(Element,
            new XComment($" AES-256-GCM with {KeyRingEncryption.SettingKey} "),
            new XElement("keyId", key.Id),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }
}

/// <summary>Created by the framework from the type name stored with each key (with the service provider).</summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var key = services.GetService<KeyRingKey>()
            ?? throw new InvalidOperationException($"The data-protection key ring is encrypted, but {KeyRingEncryption.SettingKey} is not configured.");
        if ((string?)encryptedElement.Element("keyId") is { } id && id != key.Id)
            throw new CryptographicException($"This data-protection key was encrypted with another {KeyRingEncryption.SettingKey} (key id {id}, configured {key.Id}).");
        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value")
            ?? throw new CryptographicException("The encrypted data-protection key has no value."));
        var length = sealedBytes.Length - AesGcmXmlEncryptor.NonceBytes - AesGcmXmlEncryptor.TagBytes;
        if (length < 0) throw new CryptographicException("The encrypted data-protection key is truncated.");
        var plaintext = new byte[length];
        using (var aes = new AesGcm(key.Bytes, AesGcmXmlEncryptor.TagBytes))
            aes.Decrypt(sealedBytes.AsSpan(0, AesGcmXmlEncryptor.NonceBytes), sealedBytes.AsSpan(AesGcmXmlEncryptor.NonceBytes, length),
                sealedBytes.AsSpan(AesGcmXmlEncryptor.NonceBytes + length), plaintext, AesGcmXmlEncryptor.Context);
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
