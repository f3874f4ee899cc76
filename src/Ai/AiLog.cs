using Microsoft.Extensions.Logging;

namespace OO.Ai;

/// <summary>The AI library's log messages. None carries a prompt, an answer or a task title.</summary>
internal static partial class AiLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "The model {Model} failed after {Attempts} answer(s) and {LatencyMs} ms: {ErrorType} (HTTP {Status})")]
    public static partial void ModelFailed(ILogger logger, string model, int attempts, long latencyMs, string errorType, int status);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Debug, Message = "The gate refused answer {Attempt} of {Model}: {Reasons}")]
    public static partial void AnswerRefused(ILogger logger, int attempt, string model, string reasons);
}
