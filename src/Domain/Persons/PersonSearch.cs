using System.Globalization;
using System.Text;

namespace AGH.Domain.Persons;

/// <summary>
/// The form in which names and file references are stored for search and in which a query is compared: lower case,
/// German umlauts and ß written out (ä→ae, ö→oe, ü→ue, ß→ss), other accents dropped, every other character a word
/// break. Stored and queried the same way, "Müller", "MÜLLER", "Mueller" and "mueller" are one name.
/// </summary>
public static class PersonSearch
{
    public const int MaxQueryLength = 100;

    public static string Key(string familyName, string givenName, string? fileReference) =>
        string.Join(' ', new[] { Fold(familyName), Fold(givenName), Fold(fileReference ?? "") }.Where(p => p.Length > 0));

    /// <summary>The words of a query; a person matches when the key contains every one of them.</summary>
    public static IReadOnlyList<string> Terms(string query) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();

    /// <summary>
    /// The query is the person's whole file reference, or their whole name (given then family name, or the other way
    /// round): such a hit is listed before the persons that merely contain every word.
    /// </summary>
    public static bool IsExact(string query, string familyName, string givenName, string? fileReference)
    {
        var q = string.Join(' ', Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (q.Length == 0) return false;
        var family = Fold(familyName);
        var given = Fold(givenName);
        return q == Fold(fileReference ?? "") || q == $"{given} {family}" || q == $"{family} {given}";
    }

    /// <summary>
    /// Patterns on <see cref="Key"/> that every exact hit matches (a key is "family given fileReference"): the key ends
    /// with the query (the file reference), or begins with one of the query's word rotations (the name in either
    /// order). They narrow the exact hits in the database; <see cref="IsExact"/> then decides.
    /// </summary>
    public static (IReadOnlyList<string> Prefixes, string Suffix) ExactPatterns(string query)
    {
        var words = Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var rotations = Enumerable.Range(0, words.Length)
            .Select(k => string.Join(' ', words[k..].Concat(words[..k]))).Distinct().ToArray();
        return (rotations, string.Join(' ', words));
    }

    public static string Fold(string text)
    {
        var lower = text.ToLowerInvariant()
            .Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss").Replace("ẞ", "ss");
        var folded = new StringBuilder(lower.Length);
        var space = true;
        foreach (var c in lower.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            // Only letters and digits survive, so a query never carries LIKE wildcards into the database.
            if (char.IsAsciiLetterOrDigit(c) || char.IsLetterOrDigit(c))
            {
                folded.Append(c);
                space = false;
            }
            else if (!space)
            {
                folded.Append(' ');
                space = true;
            }
        }
        return folded.ToString().TrimEnd();
    }
}
