namespace AGH.Api.Payouts;

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
