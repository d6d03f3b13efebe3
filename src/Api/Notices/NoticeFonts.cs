using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace AGH.Api.Notices;

/// <summary>
/// PDFsharp's core build finds no system fonts on Linux: every family resolves to DejaVu Sans (Bitstream Vera licence,
/// see Fonts/LICENSE-DejaVu.txt), embedded in this assembly. It covers umlauts, ß, § and the en dash.
/// </summary>
public sealed class NoticeFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly NoticeFonts Instance = new();
    private static readonly object Gate = new();
    private readonly ConcurrentDictionary<string, byte[]> _faces = new();

    /// <summary>PDFsharp accepts the resolver once per process, or the same instance again: several hosts in one test run share it.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance)) GlobalFontSettings.FontResolver = Instance;
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) => new(isBold ? Bold : Regular);

    public byte[] GetFont(string faceName) => _faces.GetOrAdd(faceName, static name =>
    {
        using var stream = typeof(NoticeFonts).Assembly.GetManifestResourceStream($"AGH.Notices.Fonts.{name}.ttf")
            ?? throw new InvalidOperationException($"The font {name}.ttf is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });
}
