using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace AGH.Api.Notices;

/// <summary>
/// Lays out a translated annex on A4 pages with Skia's PDF backend. PDFsharp draws characters one by one and cannot
/// join Arabic letters; here HarfBuzz shapes every run (contextual forms, lam-alef, mirrored brackets), <see cref="AnnexBidi"/>
/// orders the runs of a line, and each glyph run carries its text and clusters, so a PDF reader can copy the words back.
/// Fonts: Noto Naskh Arabic for Arabic script, Noto Sans for the rest (Fonts/LICENSE-Noto.txt), embedded in the assembly.
/// </summary>
public sealed class AnnexWriter
{
    private const float PageWidth = 595.28f, PageHeight = 841.89f, Left = 70, Right = 56, Top = 50, Bottom = 64;
    private const float Body = 10, HeadingSize = 10.5f, TitleSize = 12.5f, FooterSize = 7.5f;

    private readonly string _language;
    private readonly bool _rightToLeft;
    private readonly List<Line> _lines = [];

    private sealed record Line(string Text, bool Bold, float Size, bool RightToLeft, float SpaceBefore);

    public AnnexWriter(string language, bool rightToLeft)
    {
        _language = language;
        _rightToLeft = rightToLeft;
    }

    /// <summary>The German marker, always left-to-right, then the same in the annex's language.</summary>
    public void Marker(string german, string translated)
    {
        Add(german, bold: true, TitleSize, rightToLeft: false, spaceBefore: 0);
        Add(translated, bold: true, TitleSize, _rightToLeft, spaceBefore: 2);
    }

    public void Heading(string text) => Add(text, bold: true, HeadingSize, _rightToLeft, spaceBefore: 12);

    public void Paragraph(string text) => Add(text, bold: false, Body, _rightToLeft, spaceBefore: 5);

    /// <summary>The pages, each with a footer naming <paramref name="footer"/> and the page number.</summary>
    public byte[] Finish(string title, string author, string footer)
    {
        var pages = new List<List<(Line Line, float Baseline)>> { new() };
        var y = Top;
        foreach (var line in _lines)
        {
            var height = LineHeight(line);
            if (y + line.SpaceBefore + height > PageHeight - Bottom && pages[^1].Count > 0)
            {
                pages.Add([]);
                y = Top;
            }
            else y += line.SpaceBefore;
            pages[^1].Add((line, y + line.Size * (line.RightToLeft ? 1.3f : 1.05f)));
            y += height;
        }

        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata { Title = title, Author = author, Subject = footer, Creator = "AGH", Producer = "AGH" };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = document.BeginPage(PageWidth, PageHeight);
                foreach (var (line, baseline) in pages[i]) Draw(canvas, line, baseline, SKColors.Black);
                using (var rule = new SKPaint { Color = SKColors.Gray, StrokeWidth = 0.5f })
                    canvas.DrawLine(Left, PageHeight - Bottom + 18, PageWidth - Right, PageHeight - Bottom + 18, rule);
                Draw(canvas, new Line($"{footer} · Seite {i + 1} von {pages.Count}", false, FooterSize, false, 0), PageHeight - Bottom + 28,
                    SKColors.Gray);
                document.EndPage();
            }
            document.Close();
        }
        return stream.ToArray();
    }

    private static float LineHeight(Line line) => line.Size * (line.RightToLeft ? 1.9f : 1.4f);

    private void Add(string text, bool bold, float size, bool rightToLeft, float spaceBefore)
    {
        var first = true;
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            foreach (var line in Wrap(paragraph, bold, size, rightToLeft))
            {
                _lines.Add(new Line(line, bold, size, rightToLeft, first ? spaceBefore : 0));
                first = false;
            }
        }
    }

    // Word wrap on spaces, measured as shaped; a word wider than the line stands on a line of its own.
    private IEnumerable<string> Wrap(string paragraph, bool bold, float size, bool rightToLeft)
    {
        var width = PageWidth - Left - Right;
        var line = "";
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Shape(candidate, bold, size, rightToLeft).Sum(r => r.Advance) > width)
            {
                yield return line;
                line = word;
            }
            else line = candidate;
        }
        yield return line;
    }

    private void Draw(SKCanvas canvas, Line line, float baseline, SKColor color)
    {
        var runs = Shape(line.Text, line.Bold, line.Size, line.RightToLeft);
        var x = line.RightToLeft ? PageWidth - Right - runs.Sum(r => r.Advance) : Left;
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        foreach (var run in runs)
        {
            if (run.Glyphs.Length > 0)
            {
                using var font = new SKFont(run.Face.Typeface, line.Size);
                using var builder = new SKTextBlobBuilder();
                var buffer = builder.AllocatePositionedTextRun(font, run.Glyphs.Length, run.Utf8.Length);
                buffer.SetGlyphs(run.Glyphs);
                buffer.SetPositions(run.Positions);
                buffer.SetText(run.Utf8);
                buffer.SetClusters(run.Clusters);
                using var blob = builder.Build();
                if (blob is not null) canvas.DrawText(blob, x, baseline, paint);
            }
            x += run.Advance;
        }
    }

    private sealed record ShapedRun(AnnexFace Face, ushort[] Glyphs, SKPoint[] Positions, uint[] Clusters, byte[] Utf8, float Advance);

    /// <summary>The line's runs in visual order, each shaped in its direction with the font for its script.</summary>
    private List<ShapedRun> Shape(string text, bool bold, float size, bool rightToLeft)
    {
        var levels = AnnexBidi.Levels(text, rightToLeft);
        var segments = new List<(string Text, int Level, AnnexFace Face)>();
        for (var i = 0; i < text.Length;)
        {
            var face = AnnexFace.For(text[i], bold);
            var end = i + 1;
            while (end < text.Length && levels[end] == levels[i] && AnnexFace.For(text[end], bold) == face) end++;
            segments.Add((text[i..end], levels[i], face));
            i = end;
        }
        return AnnexBidi.Visual(segments, segments.Select(s => s.Level).ToList())
            .Select(s => Shape(s.Face, s.Text, s.Level % 2 == 1, size)).ToList();
    }

    private ShapedRun Shape(AnnexFace face, string text, bool rightToLeft, float size)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf8(utf8);
        buffer.Direction = rightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
        buffer.Language = new Language(_language);
        buffer.GuessSegmentProperties();
        face.Shaper.Shape(buffer);
        var infos = buffer.GlyphInfos;
        var positions = buffer.GlyphPositions;
        var scale = size / face.UnitsPerEm;
        var (glyphs, points, clusters) = (new ushort[infos.Length], new SKPoint[infos.Length], new uint[infos.Length]);
        float x = 0;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            clusters[i] = infos[i].Cluster;
            points[i] = new SKPoint(x + positions[i].XOffset * scale, -positions[i].YOffset * scale);
            x += positions[i].XAdvance * scale;
        }
        return new ShapedRun(face, glyphs, points, clusters, utf8, x);
    }
}

/// <summary>One embedded font, as Skia draws it and HarfBuzz shapes with it (the same bytes).</summary>
public sealed class AnnexFace
{
    private static readonly Lazy<AnnexFace> Latin = new(() => new AnnexFace("NotoSans-Regular"));
    private static readonly Lazy<AnnexFace> LatinBold = new(() => new AnnexFace("NotoSans-Bold"));
    private static readonly Lazy<AnnexFace> Arabic = new(() => new AnnexFace("NotoNaskhArabic-Regular"));
    private static readonly Lazy<AnnexFace> ArabicBold = new(() => new AnnexFace("NotoNaskhArabic-Bold"));

    public SKTypeface Typeface { get; }
    public HarfBuzzSharp.Font Shaper { get; }
    public int UnitsPerEm { get; }

    private AnnexFace(string name)
    {
        using var stream = typeof(AnnexFace).Assembly.GetManifestResourceStream($"AGH.Notices.Fonts.{name}.ttf")
            ?? throw new InvalidOperationException($"The font {name}.ttf is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        Typeface = SKTypeface.FromData(SKData.CreateCopy(copy.ToArray()))
            ?? throw new InvalidOperationException($"Skia cannot read the font {name}.ttf.");
        using var blob = Typeface.OpenStream(out var index).ToHarfBuzzBlob();
        using var face = new HarfBuzzSharp.Face(blob, index);
        UnitsPerEm = face.UnitsPerEm;
        Shaper = new HarfBuzzSharp.Font(face);
        Shaper.SetScale(UnitsPerEm, UnitsPerEm);
        Shaper.SetFunctionsOpenType();
    }

    /// <summary>Arabic script in Noto Naskh Arabic, everything else (Latin, Cyrillic, digits, §, brackets) in Noto Sans.</summary>
    public static AnnexFace For(char c, bool bold) => AnnexBidi.IsRightToLeft(c)
        ? (bold ? ArabicBold : Arabic).Value
        : (bold ? LatinBold : Latin).Value;
}
