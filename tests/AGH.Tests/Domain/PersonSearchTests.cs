using AGH.Domain.Persons;

namespace AGH.Tests.Domain;

public sealed class PersonSearchTests
{
    [Theory]
    [InlineData("Müller", "mueller")]
    [InlineData("MÜLLER", "mueller")]
    [InlineData("Mueller", "mueller")]
    [InlineData("Strauß", "strauss")]
    [InlineData("STRAUẞ", "strauss")]
    [InlineData("Öztürk", "oeztuerk")]
    [InlineData("Bäcker", "baecker")]
    [InlineData("José", "jose")]
    [InlineData("AZ 50.4/2024-0815", "az 50 4 2024 0815")]
    [InlineData("  100% _x_ ", "100 x")]
    public void Names_are_folded_to_lower_case_with_umlauts_written_out(string text, string folded) =>
        PersonSearch.Fold(text).Should().Be(folded);

    [Fact]
    public void A_query_matches_when_every_word_occurs_in_the_key_and_never_carries_wildcards()
    {
        var key = PersonSearch.Key("Müller", "Jürgen", "AZ-2024/0815");
        key.Should().Be("mueller juergen az 2024 0815");
        PersonSearch.Terms("Jürgen  MUELLER").Should().Equal("juergen", "mueller");
        PersonSearch.Terms("%_|").Should().BeEmpty();
        PersonSearch.Terms("az-2024/0815").Should().OnlyContain(t => key.Contains(t));
    }
}
