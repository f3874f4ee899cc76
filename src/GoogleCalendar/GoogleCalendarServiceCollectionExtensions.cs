using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OO.GoogleCalendar.Api;
using OO.GoogleCalendar.Http;
using OO.GoogleCalendar.OAuth;

namespace OO.GoogleCalendar;

/// <summary>Registers the Google Calendar clients.</summary>
public static class GoogleCalendarServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="GoogleCalendarOptions"/> from <c>OO:GoogleCalendar</c> and Google sign-in's client from
    /// <c>OO:Auth:Google</c> (validated at start), and registers <see cref="GoogleOAuthClient"/> and
    /// <see cref="GoogleCalendarClient"/> over a named HttpClient with the retry-and-timeout pipeline.
    /// </summary>
    /// <param name="configure">Runs after configuration is bound; tests point it at a stand-in.</param>
    public static IServiceCollection AddGoogleCalendar(this IServiceCollection services, Action<GoogleCalendarOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(static d => d.ServiceType == typeof(GoogleCalendarClient)))
        {
            if (configure is not null)
            {
                services.Configure(configure);
            }

            return services;
        }

        var options = services.AddOptions<GoogleCalendarOptions>()
            .BindConfiguration(GoogleCalendarOptions.SectionName)
            .Configure<IConfiguration>(static (o, configuration) =>
            {
                var google = configuration.GetSection(GoogleCalendarOptions.GoogleSectionName);
                o.ClientId = google["ClientId"] is { Length: > 0 } id ? id : o.ClientId;
                o.ClientSecret = google["ClientSecret"] is { Length: > 0 } secret ? secret : o.ClientSecret;
                o.Authority = google["Authority"] is { Length: > 0 } authority ? authority : o.Authority;
            });
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GoogleCalendarOptions>, GoogleCalendarOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(GoogleHttp.ClientName, static client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(GoogleHttp.ClientName, GoogleResilience.Configure);
        services.TryAddSingleton<GoogleOAuthClient>();
        services.TryAddSingleton<GoogleCalendarClient>();
        return services;
    }
}
