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
            .Validate(o => o.TimeToLive >= TimeSpan.Zero && o.DeliverEvery > TimeSpan.Zero && o.MinGap >= TimeSpan.Zero && o.DefaultDailyCap >= 0,
                $"{PushOptions.SectionName}: TimeToLive, MinGap and DefaultDailyCap must not be negative, DeliverEvery must be positive.")
            .Validate(o => o.MinInterruptThreshold <= o.DefaultInterruptThreshold && o.DefaultInterruptThreshold <= o.MaxInterruptThreshold,
                $"{PushOptions.SectionName}: the interrupt thresholds must satisfy MinInterruptThreshold <= DefaultInterruptThreshold <= MaxInterruptThreshold.")
            .ValidateOnStart();

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<VapidKeyStore>();
        services.TryAddSingleton(sp => sp.GetRequiredService<VapidKeyStore>().Load());
        services.TryAddSingleton<VapidSigner>();
        services.TryAddSingleton<PushMetrics>();
        // Each attempt is bounded by the sender's own PushOptions.AttemptTimeout, which a timeout
        // counts as transient; the client's 100 s default would only turn that into a second rule.
        services.AddHttpClient<WebPushSender>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        return services;
    }
}
