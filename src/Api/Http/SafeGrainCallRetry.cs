using Microsoft.Extensions.Logging;

namespace OO.Api.Http;

/// <summary>
/// Sends a call from the API (not from a grain) again when its silo was lost and the call is one
/// <see cref="SafeGrainCalls"/> allows, pausing as <see cref="GrainRetryPolicy"/> says, so a person whose
/// grain lived on a silo that just died waits a few seconds instead of seeing an error. Grain-to-grain
/// calls are left alone: their callers decide.
/// </summary>
public sealed partial class SafeGrainCallRetry(GrainRetryPolicy policy, TimeProvider time, ILogger<SafeGrainCallRetry> logger) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.SourceContext is not null || !SafeGrainCalls.MayRepeat(context.InterfaceMethod))
        {
            await context.Invoke();
            return;
        }

        var firstFailure = 0L;
        for (var retry = 0; ; retry++)
        {
            Exception error;
            try
            {
                await context.Invoke();
                // Depending on the path, a failed call either throws or leaves its exception in the response.
                if (context.Response?.Exception is not { } failed || !GrainRetryPolicy.IsSiloLoss(failed))
                {
                    if (retry > 0)
                    {
                        LogRecovered(logger, context.InterfaceName, context.MethodName, retry, time.GetElapsedTime(firstFailure).TotalMilliseconds);
                    }

                    return;
                }

                error = failed;
            }
            catch (Exception thrown) when (GrainRetryPolicy.IsSiloLoss(thrown))
            {
                error = thrown;
            }

            if (retry == 0)
            {
                firstFailure = time.GetTimestamp();
            }

            var pause = policy.PauseBefore(retry + 1, time.GetElapsedTime(firstFailure));
            if (pause is null)
            {
                LogGaveUp(logger, context.InterfaceName, context.MethodName, policy.Budget.TotalSeconds);
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
            }

            await Task.Delay(pause.Value, time);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Interface}.{Method} lost its silo and succeeded after {Retry} repeats and {Milliseconds:F0} ms")]
    private static partial void LogRecovered(ILogger logger, string @interface, string method, int retry, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Interface}.{Method} lost its silo and still failed after {Seconds} s of retries")]
    private static partial void LogGaveUp(ILogger logger, string @interface, string method, double seconds);
}
