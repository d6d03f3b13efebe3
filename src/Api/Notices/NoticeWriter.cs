using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace AGH.Api.Notices;

/// <summary>
/// Lays out a notice on A4 pages: the authority's letterhead, fields, headings and wrapped paragraphs, and a footer on
/// every page naming the wording's version, so a printed copy shows which text the person received.
/// </summary>
public sealed class NoticeWriter : IDisposable
{
    private const double Left = 70, Right = 56, Top = 50, Bottom = 64, LabelWidth = 160;

    private readonly PdfDocument _document = new();
    private readonly NoticeSettings.AuthoritySettings _authority;
    private readonly string _version;
    private readonly XFont _body, _bold, _title, _letterhead, _small;
    private XGraphics _gfx = null!;
    private PdfPage _page = null!;
    private double _y;

    public NoticeWriter(NoticeSettings settings, string version, string title)
    {
        NoticeFonts.Register();
        _authority = settings.Authority;
        _version = version;
        _body = new XFont(NoticeFonts.Family, 10);
        _bold = new XFont(NoticeFonts.Family, 10, XFontStyleEx.Bold);
        _title = new XFont(NoticeFonts.Family, 12.5, XFontStyleEx.Bold);
        _letterhead = new XFont(NoticeFonts.Family, 15, XFontStyleEx.Bold);
        _small = new XFont(NoticeFonts.Family, 7.5);
        _document.Info.Title = title;
        _document.Info.Author = _authority.Name;
        _document.Info.Subject = version;
        NewPage();
        Letterhead();
    }

    private double Width => _page.Width.Point - Left - Right;

    public static string Date(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>German money format, e.g. 80 cents → "0,80 EUR".</summary>
    public static string Euro(long cents) => $"{(cents < 0 ? "-" : "")}{Math.Abs(cents) / 100},{Math.Abs(cents) % 100:D2} EUR";

    /// <summary>The block every notice opens with; <paramref name="authority"/> only where the wording's version names it.</summary>
    public void Addressee(string name, AGH.Domain.Persons.Person person, string office, DateOnly issuedOn, string? authority = null)
    {
        Field("An:", name);
        Field("Geburtsdatum:", Date(person.DateOfBirth));
        Field("Aktenzeichen:", person.FileReference ?? "–");
        if (authority is not null) Field("Behörde:", authority);
        Field("Bearbeitende Stelle:", office);
        Field("Datum:", Date(issuedOn));
    }

    public void Title(string text)
    {
        Space(10);
        Lines(text, _title, Left, Width);
        Space(6);
    }

    public void Heading(string text)
    {
        Space(8);
        Lines(text, _bold, Left, Width);
        Space(2);
    }

    public void Paragraph(string text)
    {
        Lines(text, _body, Left, Width);
        Space(5);
    }

    /// <summary>A label in the left column and its value wrapped beside it.</summary>
    public void Field(string label, string value)
    {
        var values = Wrap(value, _body, Width - LabelWidth).ToList();
        // A label too wide for its column gets a line of its own rather than running into the value.
        if (Measure(label, _bold) > LabelWidth - 8) Line(label, _bold, Left);
        else
        {
            Ensure(LineHeight(_body));
            _gfx.DrawString(label, _bold, XBrushes.Black, new XPoint(Left, _y), XStringFormats.TopLeft);
        }
        foreach (var line in values) Line(line, _body, Left + LabelWidth);
        Space(1.5);
    }

    public void Space(double points) => _y += points;

    public byte[] Finish()
    {
        _gfx.Dispose();
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = _document.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - Bottom + 22;
            gfx.DrawLine(XPens.Gray, Left, y - 4, page.Width.Point - Right, y - 4);
            var address = string.IsNullOrWhiteSpace(_authority.Address) ? "" : $" · {_authority.Address}";
            gfx.DrawString($"{_authority.Name}{address} · Textfassung {_version} · Seite {i + 1} von {count}",
                _small, XBrushes.Gray, new XPoint(Left, y), XStringFormats.TopLeft);
        }
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose() => _document.Dispose();

    private void Letterhead()
    {
        // A municipality's letterhead has only what it configured (name, address, e-mail): no empty lines for the rest.
        Line(_authority.Name, _letterhead, Left);
        if (!string.IsNullOrWhiteSpace(_authority.Department)) Line(_authority.Department, _body, Left);
        if (!string.IsNullOrWhiteSpace(_authority.Address)) Line(_authority.Address, _body, Left);
        var contact = string.Join(" · ", new[] { string.IsNullOrWhiteSpace(_authority.Phone) ? null : $"Telefon {_authority.Phone}",
            string.IsNullOrWhiteSpace(_authority.Email) ? null : $"E-Mail {_authority.Email}" }.OfType<string>());
        if (contact.Length > 0) Line(contact, _body, Left);
        Space(4);
        _gfx.DrawLine(XPens.Black, Left, _y, _page.Width.Point - Right, _y);
        Space(12);
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        _y = Top;
    }

    private static double LineHeight(XFont font) => font.Size * 1.35;

    private void Ensure(double height)
    {
        if (_y + height > _page.Height.Point - Bottom) NewPage();
    }

    private void Lines(string text, XFont font, double x, double width)
    {
        foreach (var line in Wrap(text, font, width)) Line(line, font, x);
    }

    private void Line(string text, XFont font, double x)
    {
        Ensure(LineHeight(font));
        if (text.Length > 0) _gfx.DrawString(text, font, XBrushes.Black, new XPoint(x, _y), XStringFormats.TopLeft);
        _y += LineHeight(font);
    }

    // Word wrap on spaces; a word wider than the line (a long URL in a reasoning) is cut where it no longer fits.
    private IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var rest = word;
                while (Measure(rest, font) > width && rest.Length > 1)
                {
                    if (line.Length > 0) { yield return line; line = ""; }
                    var cut = rest.Length - 1;
                    while (cut > 1 && Measure(rest[..cut], font) > width) cut--;
                    yield return rest[..cut];
                    rest = rest[cut..];
                }
                var candidate = line.Length == 0 ? rest : line + " " + rest;
                if (line.Length > 0 && Measure(candidate, font) > width)
                {
                    yield return line;
                    line = rest;
                }
                else line = candidate;
            }
            yield return line;
        }
    }

    private double Measure(string text, XFont font) => _gfx.MeasureString(text, font).Width;
}
