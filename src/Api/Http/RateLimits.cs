using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OO.Api.Auth;

namespace OO.Api.Http;

/// <summary>
/// Limits sign-in attempts per IP address and API calls per user, answering 429 with a problem
/// body and Retry-After. One partitioned limiter keyed by path keeps every endpoint covered
/// without each having to opt in.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddOORateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.SignInPermitLimit >= 0 && o.ApiPermitLimit >= 0 && o.Window > TimeSpan.Zero,
                "Rate limits are 0 (off) or more, and the window is longer than zero.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, limits) =>
        {
            var options = limits.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, options));
            limiter.OnRejected = Reject;
        });
        return services;
    }

    /// <summary>Place after authentication, so API calls are counted per user.</summary>
    public static IApplicationBuilder UseOORateLimits(this IApplicationBuilder app) => app.UseRateLimiter();

    private static RateLimitPartition<string> Partition(HttpContext http, RateLimitOptions options)
    {
        var path = http.Request.Path;
        var ip = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (path.StartsWithSegments("/auth") && options.SignInPermitLimit > 0)
        {
            return Window($"auth:{ip}", options.SignInPermitLimit, options.Window);
        }

        // Webhooks come from the provider's few addresses on behalf of many users, and are authenticated by signature.
        if (path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/webhooks") && options.ApiPermitLimit > 0)
        {
            var user = http.User.FindFirst(OOClaims.UserId)?.Value;
            return Window(user is null ? $"api-ip:{ip}" : $"api-user:{user}", options.ApiPermitLimit, options.Window);
        }

        return RateLimitPartition.GetNoLimiter("");
    }

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static async ValueTask Reject(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            $"Too many requests. Try again in {seconds} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests").ExecuteAsync(http);
    }
}
