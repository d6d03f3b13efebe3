using System.Net;
using AGH.Api.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace AGH.Tests.Http;

/// <summary>Contract v3 "exact rules": in Development, <c>Clock:Today</c> fixes the service's today; elsewhere it is ignored.</summary>
public sealed class DevelopmentClockTests(DevelopmentClockTests.FixedDayNode node) : HttpTest(node), IClassFixture<DevelopmentClockTests.FixedDayNode>
{
    /// <summary>A host whose today lies 40 days after the real one.</summary>
    public sealed class FixedDayNode : AghFactory
    {
        public DateOnly FixedDay => Today.AddDays(40);

        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Clock:Today", FixedDay.ToString("yyyy-MM-dd"))];
    }

    private DateOnly Fixed => ((FixedDayNode)Factory).FixedDay;

    [Fact]
    public async Task The_fixed_day_is_today_for_the_date_rules()
    {
        var cw = await Caseworker();
        var placement = await NewPlacement(cw, notice: Fixed.AddDays(-3), startsOn: Fixed.AddDays(-2));

        await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(Fixed), minutes = 60 }), HttpStatusCode.Created);
        await Rejected(() => Post(cw, $"/api/placements/{placement}/hours", new { date = D(Fixed.AddDays(1)), minutes = 60 }), 422, "outside-placement");

        (await GetOk(cw, $"/api/placements/{placement}"))["minutesLogged"]!.GetValue<int>().Should().Be(60);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_Development_the_setting_is_ignored(string environment)
    {
        Clock.FixedToday(new Environment(environment), Configuration(D(Fixed))).Should().BeNull();
    }

    [Fact]
    public void In_Development_a_malformed_day_stops_the_start_with_its_reason()
    {
        Clock.FixedToday(new Environment("Development"), Configuration(D(Fixed))).Should().Be(Fixed);
        Clock.FixedToday(new Environment("Development"), Configuration("")).Should().BeNull();
        var german = Fixed.ToString("dd.MM.yyyy");
        var act = () => Clock.FixedToday(new Environment("Development"), Configuration(german));
        act.Should().Throw<InvalidOperationException>().WithMessage($"*Clock:Today*YYYY-MM-DD*{german}*");
    }

    private static IConfiguration Configuration(string today) =>
        new ConfigurationBuilder().AddInMemoryCollection([new("Clock:Today", today)]).Build();

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "AGH.Api";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
