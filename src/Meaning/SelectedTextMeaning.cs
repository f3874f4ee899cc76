using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OO.Learning.Meaning;

namespace OO.Meaning;

/// <summary>
/// The engine <see cref="MeaningOptions.Engine"/> chose, as the host's <see cref="ITextMeaning"/>. The choice is made
/// once, off the caller's thread (the model loads on a thread of its own): <see cref="MeaningStartup"/> waits for it
/// when the host starts, so a <c>minilm</c> host that cannot load the model does not start, and a call that comes
/// earlier awaits the same choice instead of blocking.
/// </summary>
internal sealed partial class SelectedTextMeaning(
    IOptions<MeaningOptions> options, IEmbeddingModelSource models, ILogger<SelectedTextMeaning> logger) : ITextMeaning, IDisposable
{
    private readonly Lazy<Task<ITextMeaning>> _choice = new(() => ChooseAsync(options.Value, models, logger));

    /// <summary>The chosen engine's name; <c>loading</c> until the choice is made.</summary>
    public string Engine => _choice.Value.IsCompletedSuccessfully ? _choice.Value.Result.Engine : "loading";

    /// <summary>The chosen engine, once chosen; faults when <c>minilm</c> was asked for and cannot load.</summary>
    public Task<ITextMeaning> ChosenAsync() => _choice.Value;

    /// <inheritdoc />
    public async ValueTask<ulong[]> MeaningsAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var engine = await _choice.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await engine.MeaningsAsync(texts, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_choice.IsValueCreated && _choice.Value.IsCompletedSuccessfully && _choice.Value.Result is IDisposable engine)
        {
            engine.Dispose();
        }
    }

    private static async Task<ITextMeaning> ChooseAsync(MeaningOptions options, IEmbeddingModelSource models, ILogger logger)
    {
        if (string.Equals(options.Engine, MeaningOptions.Hashed, StringComparison.OrdinalIgnoreCase))
        {
            return new HashedNgramMeaning();
        }

        try
        {
            var model = await models.LoadAsync().ConfigureAwait(false);
            return new MiniLmMeaning(model, MeaningProjection.Shipped(), options);
        }
        catch (Exception error) when (string.Equals(options.Engine, MeaningOptions.Auto, StringComparison.OrdinalIgnoreCase))
        {
            LogFallback(logger, error.GetType().Name, error.Message);
            return new HashedNgramMeaning();
        }
        catch (Exception error)
        {
            throw new InvalidOperationException(
                $"{MeaningOptions.Section}:Engine is {MeaningOptions.MiniLm}, but the MiniLM model cannot load ({error.GetType().Name}: {error.Message}). " +
                $"Set it to {MeaningOptions.Auto} or {MeaningOptions.Hashed} to run without the model.", error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Task meaning falls back to hashed-ngrams: the MiniLM model cannot load ({ErrorType}: {Reason})")]
    private static partial void LogFallback(ILogger logger, string errorType, string reason);
}
