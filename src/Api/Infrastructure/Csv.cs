using System.Globalization;
using System.Text;

namespace AGH.Api.Infrastructure;

/// <summary>
/// The files the service hands out as CSV (the cash office's payout and recovery files, the district's report): cells
/// separated by <c>;</c>, lines ended by CRLF, UTF-8 with BOM so a German spreadsheet opens umlauts and the separator right.
/// </summary>
public sealed class Csv
{
    private readonly StringBuilder _text = new();

    public Csv(string header) => _text.Append(header).Append("\r\n");

    /// <summary>Data rows written so far (the header not counted).</summary>
    public int Rows { get; private set; }

    /// <summary>One row; text cells go through <see cref="CsvCell.Text"/> first, numbers as they are.</summary>
    public Csv Row(params IEnumerable<object?> cells)
    {
        _text.AppendJoin(';', cells.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture))).Append("\r\n");
        Rows++;
        return this;
    }

    public byte[] Utf8WithBom() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];
}

/// <summary>
/// One text cell of the cash office's CSV. A spreadsheet runs a cell beginning with =, +, -, @, a tab or a carriage
/// return as a formula (CSV injection), so such text gets a leading apostrophe; a cell holding the separator, a quote
/// or a line break is quoted as RFC 4180 does. Numbers never go through here, so negative amounts stay numbers.
/// </summary>
public static class CsvCell
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedsQuotes = [';', '"', '\r', '\n'];

    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var text = Array.IndexOf(FormulaStarts, value[0]) >= 0 ? "'" + value : value;
        return text.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}

/// <summary>
/// A cash-office file as sent (payout runs, recoveries): the bytes (UTF-8 with BOM) and what the headers announce, so the
/// office can check it arrived whole: <c>X-Line-Count</c> (data rows), <c>X-Control-Total-Cents</c> (the sum paid or owed)
/// and <c>X-Content-SHA256</c> (lower-case hex SHA-256 of exactly these bytes, BOM included).
/// </summary>
public sealed record CsvFile(byte[] Bytes, int LineCount, long ControlTotalCents, string Sha256)
{
    public static CsvFile Of(Csv csv, long controlTotalCents)
    {
        var bytes = csv.Utf8WithBom();
        return new CsvFile(bytes, csv.Rows, controlTotalCents, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }

    /// <summary>200 text/csv named <paramref name="fileName"/>, with the three control headers.</summary>
    public IResult Answer(HttpContext http, string fileName)
    {
        var headers = http.Response.Headers;
        headers["X-Line-Count"] = LineCount.ToString(CultureInfo.InvariantCulture);
        headers["X-Control-Total-Cents"] = ControlTotalCents.ToString(CultureInfo.InvariantCulture);
        headers["X-Content-SHA256"] = Sha256;
        return Results.File(Bytes, "text/csv; charset=utf-8", fileName);
    }
}
