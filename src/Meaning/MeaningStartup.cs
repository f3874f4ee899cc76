using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OO.Meaning;

/// <summary>
/// Makes the engine choice part of starting the host: waits for it (the model loads in about 1.4 s, off this
/// thread), logs which engine runs, and fails the start when <c>minilm</c> was asked for and cannot load.
/// </summary>
internal sealed partial class MeaningStartup(SelectedTextMeaning meaning, ILogger<MeaningStartup> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var engine = await meaning.ChosenAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        LogEngine(logger, engine.Engine);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Task meaning runs on {Engine}")]
    private static partial void LogEngine(ILogger logger, string engine);
}
