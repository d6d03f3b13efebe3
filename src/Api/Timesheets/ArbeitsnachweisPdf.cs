using System.Globalization;
using AGH.Api.Notices;
using AGH.Api.Placements;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace AGH.Api.Timesheets;

/// <summary>
/// The printable Arbeitsnachweis (contract v3c) for providers without the app: one page per person, each day of the month
/// with the planned working times from the schedule, the minutes logged so far (blank lines where none), a line for the
/// person's signature per day, and the provider's confirmation with date and signature at the foot.
/// </summary>
public static class ArbeitsnachweisPdf
{
    private const double Left = 50, Top = 45, RowHeight = 18.5;
    private static readonly string[] Days = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"];

    public static string Date(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static byte[] Render(Offer offer, TimesheetDto sheet, Month month)
    {
        NoticeFonts.Register();
        using var document = new PdfDocument();
        document.Info.Title = $"Arbeitsnachweis {offer.Title} {month}";
        document.Info.Author = offer.ProviderName;
        var title = new XFont(NoticeFonts.Family, 13, XFontStyleEx.Bold);
        var bold = new XFont(NoticeFonts.Family, 9, XFontStyleEx.Bold);
        var body = new XFont(NoticeFonts.Family, 9);
        var small = new XFont(NoticeFonts.Family, 7.5);
        // A sheet without persons still prints one page to fill in by hand.
        var rows = sheet.Placements.Count > 0 ? sheet.Placements : [new TimesheetRow(Guid.Empty, new ProviderPersonDto("", ""), null, [])];
        foreach (var row in rows)
        {
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            using var gfx = XGraphics.FromPdfPage(page);
            var right = page.Width.Point - Left;
            var y = Top;
            void Text(string text, XFont font, double x) => gfx.DrawString(text, font, XBrushes.Black, new XPoint(x, y), XStringFormats.TopLeft);

            Text("Arbeitsnachweis – Arbeitsgelegenheit nach § 5 AsylbLG", title, Left);
            y += 22;
            Text($"Träger: {offer.ProviderName}" + (offer.ProviderId is { } id ? $" ({id})" : ""), body, Left);
            y += 13;
            Text($"Arbeitsgelegenheit: {offer.Title}", body, Left);
            y += 13;
            Text($"Zeitraum: {Date(month.First)} bis {Date(month.Last)}", body, Left);
            y += 13;
            var name = $"{row.Person.GivenName} {row.Person.FamilyName}".Trim();
            Text($"Teilnehmende Person: {(name.Length == 0 ? "______________________________" : name)}", bold, Left);
            y += 13;
            if (sheet.Confirmed is { } c)
            {
                Text($"Vom Träger bestätigt am {Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(c.At, Clock.Berlin).DateTime))}", body, Left);
                y += 13;
            }
            y += 6;

            double[] columns = [Left, Left + 80, Left + 110, Left + 230, Left + 310];
            string[] headers = ["Datum", "Tag", "Geplant (Einsatzplan)", "Minuten", "Unterschrift teilnehmende Person"];
            for (var i = 0; i < headers.Length; i++) Text(headers[i], bold, columns[i]);
            y += RowHeight - 4;
            gfx.DrawLine(XPens.Black, Left, y, right, y);
            var logged = row.Days.ToDictionary(d => d.Date, d => d.Minutes);
            var total = 0;
            for (var day = month.First; day <= month.Last; day = day.AddDays(1))
            {
                var weekday = ((int)day.DayOfWeek + 6) % 7;
                var planned = row.Schedule?.Where(b => (int)b.Weekday == weekday).Select(b => $"{b.From}–{b.To}") ?? [];
                y += 3;
                Text(Date(day), body, columns[0]);
                Text(Days[weekday], body, columns[1]);
                Text(string.Join(", ", planned), body, columns[2]);
                if (logged.TryGetValue(day, out var minutes))
                {
                    Text(minutes.ToString(CultureInfo.InvariantCulture), body, columns[3]);
                    total += minutes;
                }
                else gfx.DrawLine(XPens.Gray, columns[3], y + 11, columns[3] + 60, y + 11);
                gfx.DrawLine(XPens.Gray, columns[4], y + 11, right, y + 11);
                y += RowHeight - 3;
            }
            gfx.DrawLine(XPens.Black, Left, y + 2, right, y + 2);
            y += 6;
            Text("Summe Minuten:", bold, columns[2]);
            if (total > 0) Text(total.ToString(CultureInfo.InvariantCulture), bold, columns[3]);
            else gfx.DrawLine(XPens.Gray, columns[3], y + 11, columns[3] + 60, y + 11);
            y += 34;
            gfx.DrawLine(XPens.Black, Left, y, Left + 200, y);
            gfx.DrawLine(XPens.Black, Left + 260, y, right, y);
            y += 3;
            Text("Ort, Datum", small, Left);
            Text("Unterschrift und Stempel des Trägers", small, Left + 260);
            y += 16;
            Text("Die Minuten sind die tatsächlich geleistete Arbeitszeit; Grundlage der Aufwandsentschädigung (§ 5 Abs. 2 AsylbLG).", small, Left);
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
