using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OO.Push;

/// <summary>Registers Web Push sending.</summary>
public static class PushServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PushOptions"/> (bound from <c>OO:Push</c> in
    /// <paramref name="configuration"/>, then <paramref name="configure"/>, validated at start),
    /// the VAPID key pair (<see cref="VapidKeyStore"/>), <see cref="VapidSigner"/>,
    /// <see cref="PushMetrics"/> and <see cref="WebPushSender"/> as a typed HttpClient.
    /// </summary>
    public static IServiceCollection AddWebPush(this IServiceCollection services, IConfiguration configuration, Action<PushOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var options = services.AddOptions<PushOptions>().Bind(configuration.GetSection(PushOptions.SectionName));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.Subject.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || o.Subject.StartsWith("https:", StringComparison.OrdinalIgnoreCase),
                $"{PushOptions.SectionName}:Subject must be a mailto: or https: URI.")
            .Validate(o => o.TokenLifetime > TimeSpan.Zero && o.TokenLifetime <= TimeSpan.FromHours(24),
                $"{PushOptions.SectionName}:TokenLifetime must be more than zero and at most 24 hours.")
            .Validate(o => o.MaxAttempts is >= 1 and <= 10, $"{PushOptions.SectionName}:MaxAttempts must be 1 to 10.")
            .Validate(o => o.RetryBaseDelay >= TimeSpan.Zero && o.AttemptTimeout > TimeSpan.Zero,
                $"{PushOptions.SectionName}:RetryBaseDelay must not be negative and AttemptTimeout must be positive.")
            .Validate(o => o.TotalTimeout >= o.AttemptTimeout && o.TotalTimeout < TimeSpan.FromSeconds(30),
                $"{PushOptions.SectionName}:TotalTimeout must be at least AttemptTimeout and under 30 seconds (the grain call timeout).")
            .Validate(o => o.MaxRetryAfterWait >= TimeSpan.Zero, $"{PushOptions.SectionName}:MaxRetryAfterWait must not be negative.")
            .Validate(o => o.TestPushCooldown >= TimeSpan.Zero, $"{PushOptions.SectionName}:TestPushCooldown must not be negative.")
            .Validate(o => o.MeetingLead >= TimeSpan.Zero, $"{PushOptions.SectionName}:MeetingLead must not be negative.")
            .Validate(o => o.TimeToLive >= TimeSpan.Zero && o.DeliverEvery > TimeSpan.Zero && o.MinGap >= TimeSpan.Zero && o.DefaultDailyCap >= 0,
                $"{PushOptions.SectionName}: TimeToLive, MinGap and DefaultDailyCap must not be negative, DeliverEvery must be positive.")
            .Validate(o => o.MinInterruptThreshold <= o.DefaultInterruptThreshold && o.DefaultInterruptThreshold <= o.MaxInterruptThreshold,
                $"{PushOptions.SectionName}: the interrupt thresholds must satisfy MinInterruptThreshold <= DefaultInterruptThreshold <= MaxInterruptThreshold.")
            .Validate(o => o.ActiveHoursWeight is >= 0 and <= 1 && o.CompletionRateWeight is >= 0 and <= 1 && o.ProfileHalfWeightReactions is > 0 and < 1e6,
                $"{PushOptions.SectionName}: ActiveHoursWeight and CompletionRateWeight must be 0 to 1, ProfileHalfWeightReactions more than 0.")
            .ValidateOnStart();

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<VapidKeyStore>();
        services.TryAddSingleton(sp => sp.GetRequiredService<VapidKeyStore>().Load());
        services.TryAddSingleton<VapidSigner>();
        services.TryAddSingleton<PushMetrics>();
        services.TryAddSingleton<PushEndpointGuard>();
        services.AddHttpClient<WebPushSender>(client =>
            {
                // The resilience handler's time limits are the rules; the client's 100 s default would be a second one.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.MaxResponseContentBufferSize = WebPushSender.MaxResponseBodyBytes;
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // Public addresses only, checked on the socket actually opened (DNS may lie later).
                ConnectCallback = sp.GetRequiredService<PushEndpointGuard>().ConnectAsync,
                // A redirect would lead past the subscribe-time check; a proxy would resolve names past the guard.
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.None,
                MaxResponseHeadersLength = 16,
                MaxResponseDrainSize = WebPushSender.MaxResponseBodyBytes,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            // Endpoints are capability URLs: the factory's request logging would write them at Information.
            .RemoveAllLoggers()
            .AddResilienceHandler(PushResilience.PipelineName, PushResilience.Configure);
        // Added after the resilience handler, so it is inside it and sees every attempt.
        services.AddHttpClient<WebPushSender>()
            .AddHttpMessageHandler(sp => new PushAttemptHandler(sp.GetRequiredService<PushMetrics>()));
        return services;
    }
}
