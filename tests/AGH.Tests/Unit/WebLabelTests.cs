using System.Reflection;
using AGH.Web.Api;
using AGH.Web.Infrastructure;

namespace AGH.Tests.Unit;

/// <summary>The staff app's German words: one table per API enum, a label for every value, and no guessed text for an unknown one.</summary>
public sealed class WebLabelTests
{
    private static readonly IReadOnlyList<FieldInfo> Tables = typeof(Labels).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(LabelTable<>)).ToList();

    public static TheoryData<string> TableNames() => new(Tables.Select(t => t.Name));

    [Fact]
    public void Every_enum_of_the_API_client_has_exactly_one_label_table()
    {
        var enums = typeof(AghClient).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace == typeof(AghClient).Namespace).ToList();
        enums.Should().NotBeEmpty();
        var labelled = Tables.Select(t => t.FieldType.GetGenericArguments()[0]).ToList();
        labelled.Should().OnlyHaveUniqueItems();
        labelled.Should().BeEquivalentTo(enums, "a new enum in the API needs its German words in Labels");
    }

    [Theory]
    [MemberData(nameof(TableNames))]
    public void Every_value_has_a_German_label_of_its_own(string table)
    {
        var field = Tables.Single(t => t.Name == table);
        var value = field.GetValue(null)!;
        var type = field.FieldType;
        ((System.Collections.IEnumerable)type.GetProperty("Missing")!.GetValue(value)!).Cast<object>()
            .Should().BeEmpty("every value of {0} needs a label", type.GetGenericArguments()[0].Name);
        var rows = ((System.Collections.IEnumerable)type.GetProperty("Rows")!.GetValue(value)!).Cast<object>().ToList();
        var enumType = type.GetGenericArguments()[0];
        rows.Should().HaveCount(Enum.GetValues(enumType).Length, "each value has one row");
        var texts = rows.Select(r => (string)r.GetType().GetField("Item3")!.GetValue(r)!).ToList();
        texts.Should().OnlyContain(t => !string.IsNullOrWhiteSpace(t));
        texts.Should().OnlyHaveUniqueItems("two values with one label would read alike");
        foreach (var v in Enum.GetValues(enumType))
        {
            var text = (string)type.GetMethod("Text", [enumType])!.Invoke(value, [v])!;
            texts.Should().Contain(text);
            text.Should().NotBe(v.ToString(), "the label is German, not the C# name");
        }
    }

    [Fact]
    public void A_value_without_a_label_shows_its_code_not_a_plausible_German_text()
    {
        Labels.PersonStatus.Text((PersonStatus)99).Should().Be("99");
        Labels.EndReason.Text((EndReason?)null).Should().Be("–");
        Labels.ExemptionReason.Text(ExemptionReason.CareOfRelative).Should().Be("Pflege einer angehörigen Person");
        Labels.ExemptionReason.Parse("care-of-relative").Should().Be(ExemptionReason.CareOfRelative);
        Labels.RefusalKind.Rows.Select(r => r.Code).Should().Equal("explicit", "no-show", "dropped-out");
    }
}
