using System.Net.Http.Json;
using AGH.Domain.Notices;

namespace AGH.Tests.Http;

/// <summary>Records that a notice went out, through <c>POST /api/notices/{id}/dispatch</c> as a district official.</summary>
public static class NoticeDispatching
{
    public static async Task DispatchAsync(AghFactory factory, Guid personId, Guid noticeId, DispatchMethod method, DateOnly on)
    {
        _ = personId;
        var official = await factory.ClientFor("official", null, "test-dispatch");
        var response = await official.PostAsJsonAsync($"/api/notices/{noticeId}/dispatch",
            new { method = AGH.Api.Infrastructure.Json.EnumValue(method), on = on.ToString("yyyy-MM-dd"), accessOpened = method == DispatchMethod.Electronic });
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"the dispatch of notice {noticeId} is recorded: {text}");
    }
}
