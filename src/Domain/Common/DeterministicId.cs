using System.Security.Cryptography;
using System.Text;

namespace AGH.Domain.Common;

/// <summary>
/// An id derived from a name (the first 16 bytes of its SHA-256): the same on every node and in every rebuild, so
/// concurrent writers of one thing collide on one id instead of creating two.
/// </summary>
public static class DeterministicId
{
    public static Guid From(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));
}
