using AGH.Api.Infrastructure;
using AGH.Api.Payouts;

namespace AGH.Tests.Unit;

/// <summary>Text cells of the cash office's CSV: no formula a spreadsheet would run, RFC 4180 quoting.</summary>
public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+49 541 1234", "'+49 541 1234")]
    [InlineData("-AZ 1", "'-AZ 1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    public void A_text_cell_that_a_spreadsheet_would_run_as_a_formula_gets_an_apostrophe(string value, string cell) =>
        CsvCell.Text(value).Should().Be(cell);

    [Theory]
    [InlineData("Yusuf;Ali", "\"Yusuf;Ali\"")]
    [InlineData("Amina \"Mina\"", "\"Amina \"\"Mina\"\"\"")]
    [InlineData("Zeile\nzwei", "\"Zeile\nzwei\"")]
    [InlineData("Zeile\r\nzwei", "\"Zeile\r\nzwei\"")]
    public void A_cell_holding_the_separator_a_quote_or_a_line_break_is_quoted_as_RFC_4180_does(string value, string cell) =>
        CsvCell.Text(value).Should().Be(cell);

    [Fact]
    public void A_formula_that_also_needs_quotes_is_prefixed_inside_the_quotes() =>
        CsvCell.Text("=HYPERLINK(\"http://x\";\"y\")").Should().Be("\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\"");

    [Fact]
    public void A_carriage_return_at_the_start_is_prefixed_and_quoted() =>
        CsvCell.Text("\r=1").Should().Be("\"'\r=1\"");

    [Theory]
    [InlineData("Yusuf")]
    [InlineData("AZ-50-1234")]
    [InlineData("Müller-Lüdenscheidt")]
    [InlineData("O'Brien")]
    public void Ordinary_text_stays_as_it_is(string value) => CsvCell.Text(value).Should().Be(value);

    [Fact]
    public void A_missing_value_is_an_empty_cell()
    {
        CsvCell.Text(null).Should().BeEmpty();
        CsvCell.Text("").Should().BeEmpty();
    }

    [Theory]
    [InlineData(-48L, "-0,48")]
    [InlineData(-420L, "-4,20")]
    [InlineData(420L, "4,20")]
    public void Amounts_are_numbers_and_never_prefixed(long cents, string euro) => PayoutRunQueries.Euro(cents).Should().Be(euro);
}
