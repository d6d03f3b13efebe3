using System.ComponentModel.DataAnnotations;
using System.Reflection;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AGH.Tests.Unit;

/// <summary>Plurals, months and field names as a German reader expects them.</summary>
public sealed class GermanFormatTests
{
    [Theory]
    [InlineData(0, "0 Läufe")]
    [InlineData(1, "1 Lauf")]
    [InlineData(2, "2 Läufe")]
    [InlineData(21, "21 Läufe")]
    public void A_count_takes_the_singular_only_for_one(long n, string expected) =>
        Format.Count(n, "Lauf", "Läufe").Should().Be(expected);

    [Fact]
    public void A_count_with_a_verb_agrees_in_number()
    {
        Format.Count(1, "Bescheid wartet", "Bescheide warten").Should().Be("1 Bescheid wartet");
        Format.Count(3, "Person", "Personen").Should().Be("3 Personen");
    }

    [Theory]
    [InlineData("2026-11", "November 2026")]
    [InlineData("2027-01", "Januar 2027")]
    [InlineData("2026-03", "März 2026")]
    public void A_month_reads_as_name_and_year(string iso, string expected) => Format.Month(iso).Should().Be(expected);

    /// <summary>
    /// The binder names a field in its messages ("Von: „122026-12-02“ ist keine gültige Angabe."): every non-text
    /// property a page binds needs a German name, by [Display] or by the table, or the English name would show.
    /// </summary>
    [Fact]
    public void Every_bound_property_that_can_fail_binding_has_a_German_name()
    {
        var pages = typeof(FieldNames).Assembly.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        pages.Should().NotBeEmpty();
        var missing = new List<string>();
        foreach (var page in pages)
        foreach (var bound in page.GetProperties().Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null))
        {
            Check(page.Name, bound);
            // A form's input class, or the rows of a list of them (the week sheet's cells).
            var model = bound.PropertyType.IsGenericType ? bound.PropertyType.GetGenericArguments()[^1] : bound.PropertyType;
            if (model.Assembly == typeof(FieldNames).Assembly && model.IsClass)
                foreach (var inner in model.GetProperties().Where(p => p.CanWrite)) Check($"{page.Name}.{bound.Name}", inner);
        }
        string.Join(", ", missing.Distinct()).Should().BeEmpty("the binder's messages name the field in German");

        void Check(string owner, PropertyInfo p)
        {
            var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            if (type == typeof(string) || (type.IsClass && !type.IsArray)) return;
            if (p.GetCustomAttribute<DisplayAttribute>()?.Name is not null || FieldNames.German(p.Name) is not null) return;
            missing.Add($"{owner}.{p.Name}");
        }
    }
}
