using System.Net.Http.Json;
using OO.Api.Admin;
using OO.Testing;

namespace OO.Tests.Events;

/// <summary>Reading the event log through the admin API, waiting for the writer's next batch where a test expects a row.</summary>
internal static class EventApi
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static async Task<List<EventView>> QueryAsync(HttpClient admin, string query) =>
        (await admin.GetFromJsonAsync<List<EventView>>($"/api/admin/events?{query}"))!;

    /// <summary>The user's stored events once one of <paramref name="subject"/> matches <paramref name="match"/>.</summary>
    public static async Task<EventView> AwaitAsync(HttpClient admin, string userId, string subject, Func<EventView, bool>? match = null) =>
        await Eventually.Get(
            async () => (await QueryAsync(admin, $"user={Uri.EscapeDataString(userId)}&subject={subject}")).FirstOrDefault(e => match?.Invoke(e) ?? true),
            Patience,
            $"a stored {subject} event");
}
