using System.Globalization;
using AGH.Api.Municipalities;
using AGH.Api.Notices;
using AGH.Api.Quota;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace AGH.Api.Reports;

/// <summary>
/// The report for the Kreistag's committee: the places on the last day against the targets as a bar chart, then the
/// district's months and the municipalities over the period, each as two tables (places, persons, money; procedure and
/// ends). Counts of persons and cases of 1 or 2 read <c>&lt;3</c>; no person is named.
/// </summary>
public static class DistrictReportPdf
{
    private const double Margin = 40, Bottom = 40;

    private static readonly string[] FirstColumns =
        ["Plätze\nKommunen", "Plätze\nLandkreis", "Plätze\ngemeinn. Träger", "Leistungs-\nberechtigte", "in AGH\nzugewiesen", "Stunden", "ausgezahlt"];

    private static readonly string[] SecondColumns =
    [
        "Ableh-\nnungen", "Vor-\nschläge", "Einschr.\nbewilligt", "Einschr.\naufgeh.", "Einschr.\nvorz. end.", "Widerspr.\nstattgeg.",
        "Widerspr.\nteilw.", "Widerspr.\nzurückgew.", "Widerspr.\noffen", "Ende:\nArbeit", "Ende:\nAusbildung", "Ende:\nStudium",
    ];

    public static byte[] Render(DistrictReportDto report, QuotaTargets targets, DateOnly today)
    {
        NoticeFonts.Register();
        var from = Month(report.From).First;
        var to = Month(report.To).Last;
        var stock = DistrictReport.StockDay(Month(report.To), today);
        using var pdf = new Page();
        pdf.Document.Info.Title = "Bericht Arbeitsgelegenheiten";
        pdf.Text("Landkreis Osnabrück", pdf.Letterhead);
        pdf.Text("Bericht an den Ausschuss: Arbeitsgelegenheiten nach § 5 AsylbLG", pdf.Title);
        pdf.Text($"Zeitraum: {NoticeWriter.Date(from)} bis {NoticeWriter.Date(to)}    Stand: {NoticeWriter.Date(today)}", pdf.Body);
        pdf.Text("Bestände (Plätze, Personen) am letzten Tag des Monats (im laufenden Monat: heute), alle anderen Zahlen im Monat. Fallzahlen von 1 oder 2 sind als „<3“ "
            + "ausgewiesen. Personen werden nicht genannt.", pdf.Small);
        pdf.Space(8);

        pdf.Text($"Plätze und Zielwerte am {NoticeWriter.Date(stock)}", pdf.Heading);
        var places = report.Totals.PlacesOffered;
        Chart(pdf, [("Kommunen", places.Municipality, targets.For(ProviderType.Municipality)),
            ("Landkreis", places.District, targets.For(ProviderType.District)),
            ("Gemeinnützige Träger", places.Nonprofit, targets.For(ProviderType.Nonprofit))]);

        var months = report.Rows.GroupBy(r => r.Month).Select(g => (Label: MonthLabel(g.Key), Totals: DistrictReport.Totals(g.ToList(), g.Key))).ToList();
        var municipalities = report.Rows.GroupBy(r => r.Municipality)
            .Select(g => (Label: MunicipalityCatalog.All.FirstOrDefault(m => m.Id == g.Key)?.Name ?? g.Key, Totals: DistrictReport.Totals(g.ToList(), report.To)))
            .ToList();
        var total = ("Gesamt", report.Totals);

        pdf.Text("Monatswerte des Landkreises: Plätze, Personen, Aufwandsentschädigung", pdf.Heading);
        Table(pdf, "Monat", FirstColumns, [.. months, total], First);
        pdf.Text("Monatswerte des Landkreises: Verfahren und Beendigungen", pdf.Heading);
        Table(pdf, "Monat", SecondColumns, [.. months, total], Second);
        pdf.Text($"Gemeinden im Zeitraum (Bestände am {NoticeWriter.Date(stock)}): Plätze, Personen, Aufwandsentschädigung", pdf.Heading);
        Table(pdf, "Gemeinde", FirstColumns, [.. municipalities, total], First);
        pdf.Text("Gemeinden im Zeitraum: Verfahren und Beendigungen", pdf.Heading);
        Table(pdf, "Gemeinde", SecondColumns, [.. municipalities, total], Second);

        using var stream = new MemoryStream();
        pdf.Document.Save(stream, false);
        return stream.ToArray();
    }

    private static string[] First(DistrictReportTotalsDto t) =>
    [
        Count(t.PlacesOffered.Municipality), Count(t.PlacesOffered.District), Count(t.PlacesOffered.Nonprofit), DistrictReport.Masked(t.PersonsEntitled),
        DistrictReport.Masked(t.PersonsPlaced), Hours(t.Minutes), NoticeWriter.Euro(t.AmountPaidCents),
    ];

    private static string[] Second(DistrictReportTotalsDto t) =>
    [
        .. new[]
        {
            t.Refusals, t.Proposals, t.RestrictionsApproved, t.RestrictionsWithdrawn, t.RestrictionsEndedEarly, t.Objections.Upheld,
            t.Objections.PartlyUpheld, t.Objections.Dismissed, t.Objections.Pending, t.EndedRegularEmployment, t.EndedTraining, t.EndedStudies,
        }.Select(DistrictReport.Masked),
    ];

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Hours(long minutes) => (minutes / 60m).ToString("0.##", CultureInfo.GetCultureInfo("de-DE"));

    private static AGH.Domain.Payouts.Month Month(string text) =>
        AGH.Domain.Payouts.Month.TryParse(text, out var m) ? m : throw new ArgumentException($"not a month: {text}");

    private static string MonthLabel(string month) => $"{month[5..]}.{month[..4]}";

    /// <summary>Horizontal bars: the target as an outline, the places offered filled, the numbers beside them.</summary>
    private static void Chart(Page pdf, (string Label, int Places, int Target)[] bars)
    {
        const double labelWidth = 150, barHeight = 16, gap = 10, numbersWidth = 140;
        var width = pdf.Width - labelWidth - numbersWidth;
        var scale = Math.Max(1, bars.Max(b => Math.Max(b.Places, b.Target)));
        pdf.Ensure(bars.Length * (barHeight + gap) + 20);
        var g = pdf.Graphics;
        foreach (var (label, places, target) in bars)
        {
            var y = pdf.Y;
            g.DrawString(label, pdf.Body, XBrushes.Black, new XRect(Margin, y, labelWidth, barHeight), XStringFormats.CenterLeft);
            var x = Margin + labelWidth;
            g.DrawRectangle(new XSolidBrush(XColor.FromArgb(44, 95, 138)), x, y + 2, width * Math.Min(places, scale) / scale, barHeight - 4);
            g.DrawRectangle(new XPen(XColors.Black, 0.8), x, y, width * target / scale, barHeight);
            g.DrawString($"{places} von {target} Plätzen", pdf.Body, XBrushes.Black,
                new XRect(x + width + 8, y, numbersWidth - 8, barHeight), XStringFormats.CenterLeft);
            pdf.Y += barHeight + gap;
        }
        g.DrawString("Gefüllter Balken: angebotene Plätze; Rahmen: Zielwert.", pdf.Small, XBrushes.Black, new XPoint(Margin + labelWidth, pdf.Y), XStringFormats.TopLeft);
        pdf.Y += 16;
    }

    private static void Table(Page pdf, string firstHeader, string[] headers, IReadOnlyList<(string Label, DistrictReportTotalsDto Totals)> rows,
        Func<DistrictReportTotalsDto, string[]> cells)
    {
        const double firstWidth = 130, rowHeight = 12, headerHeight = 24;
        var width = (pdf.Width - firstWidth) / headers.Length;
        void Header()
        {
            pdf.Ensure(headerHeight + rowHeight);
            var g = pdf.Graphics;
            g.DrawString(firstHeader, pdf.Bold, XBrushes.Black, new XPoint(Margin, pdf.Y), XStringFormats.TopLeft);
            for (var i = 0; i < headers.Length; i++)
            {
                var lines = headers[i].Split('\n');
                for (var l = 0; l < lines.Length; l++)
                    g.DrawString(lines[l], pdf.Bold, XBrushes.Black, new XRect(Margin + firstWidth + i * width, pdf.Y + l * 10, width - 4, 10), XStringFormats.TopRight);
            }
            pdf.Y += headerHeight;
            g.DrawLine(new XPen(XColors.Black, 0.5), Margin, pdf.Y - 2, Margin + pdf.Width, pdf.Y - 2);
        }
        Header();
        foreach (var (label, totals) in rows)
        {
            if (pdf.Y + rowHeight > pdf.PageHeight - Bottom)
            {
                pdf.NewPage();
                Header();
            }
            var g = pdf.Graphics;
            var font = label == "Gesamt" ? pdf.Bold : pdf.Cell;
            g.DrawString(label, font, XBrushes.Black, new XPoint(Margin, pdf.Y), XStringFormats.TopLeft);
            var values = cells(totals);
            for (var i = 0; i < values.Length; i++)
                g.DrawString(values[i], font, XBrushes.Black, new XRect(Margin + firstWidth + i * width, pdf.Y, width - 4, rowHeight), XStringFormats.TopRight);
            pdf.Y += rowHeight;
        }
        pdf.Space(10);
    }

    /// <summary>A landscape A4 page flow with the report's fonts; a new page when the next block does not fit.</summary>
    private sealed class Page : IDisposable
    {
        public readonly PdfDocument Document = new();
        public readonly XFont Letterhead = new(NoticeFonts.Family, 14, XFontStyleEx.Bold);
        public readonly XFont Title = new(NoticeFonts.Family, 12, XFontStyleEx.Bold);
        public readonly XFont Heading = new(NoticeFonts.Family, 10, XFontStyleEx.Bold);
        public readonly XFont Body = new(NoticeFonts.Family, 9);
        public readonly XFont Bold = new(NoticeFonts.Family, 7, XFontStyleEx.Bold);
        public readonly XFont Cell = new(NoticeFonts.Family, 7);
        public readonly XFont Small = new(NoticeFonts.Family, 7.5);
        public XGraphics Graphics = null!;
        public double Y;
        private PdfPage _page = null!;

        public Page() => NewPage();

        public double Width => _page.Width.Point - 2 * Margin;
        public double PageHeight => _page.Height.Point;

        public void NewPage()
        {
            Graphics?.Dispose();
            _page = Document.AddPage();
            // A4 landscape, set by its dimensions: the tables need the width.
            _page.Width = XUnit.FromPoint(842);
            _page.Height = XUnit.FromPoint(595);
            Graphics = XGraphics.FromPdfPage(_page);
            Y = Margin;
        }

        public void Ensure(double height)
        {
            if (Y + height > PageHeight - Bottom) NewPage();
        }

        public void Space(double points) => Y += points;

        /// <summary>A paragraph wrapped at the page's width.</summary>
        public void Text(string text, XFont font)
        {
            var lineHeight = font.GetHeight() * 1.2;
            var line = "";
            foreach (var word in text.Split(' '))
            {
                var next = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && Graphics.MeasureString(next, font).Width > Width)
                {
                    Draw(line, font, lineHeight);
                    line = word;
                }
                else line = next;
            }
            if (line.Length > 0) Draw(line, font, lineHeight);
            Y += 3;
        }

        private void Draw(string line, XFont font, double lineHeight)
        {
            Ensure(lineHeight);
            Graphics.DrawString(line, font, XBrushes.Black, new XPoint(Margin, Y), XStringFormats.TopLeft);
            Y += lineHeight;
        }

        public void Dispose() => Graphics?.Dispose();
    }
}
