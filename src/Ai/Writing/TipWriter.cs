using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OO.Ai.Gate;
using OO.Ai.Http;
using OO.Ai.Prompts;
using OpenAI;

namespace OO.Ai.Writing;

/// <summary>
/// Asks the configured OpenAI-compatible endpoint for tips, through <see cref="IChatClient"/> over the official
/// OpenAI SDK, and passes every answer through the <see cref="TipGate"/>. An answer with no tip that passed is sent
/// back with the gate's reasons, at most <see cref="MaxGateRetries"/> times. It never throws for the model: a
/// timeout or an error is <see cref="WriteOutcome.Failed"/>, and the whole round is bounded by
/// <see cref="AiOptions.Timeout"/>.
/// </summary>
public sealed class TipWriter
{
    /// <summary>How often a refused answer is asked for again in one round.</summary>
    public const int MaxGateRetries = 2;

    private readonly IHttpClientFactory _httpClients;
    private readonly IOptionsMonitor<AiOptions> _options;
    private readonly ILogger<TipWriter> _logger;

    public TipWriter(IHttpClientFactory httpClients, IOptionsMonitor<AiOptions> options, ILogger<TipWriter> logger)
    {
        _httpClients = httpClients;
        _options = options;
        _logger = logger;
    }

    /// <summary>One generation round against the model; <see cref="AiOptions.IsModelConfigured"/> must be true.</summary>
    public async Task<WriteResult> WriteAsync(WriteRequest request, CancellationToken cancellationToken = default)
    {
        var options = _options.CurrentValue;
        if (!options.IsModelConfigured)
        {
            throw new InvalidOperationException($"{AiOptions.Section}:Endpoint is not configured.");
        }

        var prompt = PromptLibrary.Current;
        var gate = new TipGate(request.KnownRefs, request.ExistingTexts, request.MaxCandidates);
        var rejections = new Dictionary<string, int>(StringComparer.Ordinal);
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, prompt.SystemFor(request.MaxCandidates)),
            new(ChatRole.User, request.ContextJson),
        };
        var chatOptions = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(TipSchema.For(request.MaxCandidates), "tips", "Tips for one person, as JSON."),
            // Enough for the asked tips and their JSON, and a bound on what a rambling model can cost.
            MaxOutputTokens = 100 + (150 * request.MaxCandidates),
        };

        var started = Stopwatch.GetTimestamp();
        long inputTokens = 0, outputTokens = 0;
        var attempts = 0;
        WriteResult Result(WriteOutcome outcome, IReadOnlyList<TipDraft> drafts) => new(
            outcome, drafts, options.Model, prompt.Version, attempts, rejections,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, inputTokens, outputTokens);

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(options.Timeout);
        try
        {
            var chat = CreateChatClient(options);
            while (true)
            {
                attempts++;
                var response = await chat.GetResponseAsync(messages, chatOptions, budget.Token);
                inputTokens += response.Usage?.InputTokenCount ?? 0;
                outputTokens += response.Usage?.OutputTokenCount ?? 0;

                var answer = response.Text;
                var verdict = gate.Check(answer);
                foreach (var rejection in verdict.Rejections)
                {
                    rejections[rejection.Reason] = rejections.GetValueOrDefault(rejection.Reason) + 1;
                }

                if (verdict.Accepted.Count > 0)
                {
                    return Result(WriteOutcome.Generated, verdict.Accepted);
                }

                AiLog.AnswerRefused(_logger, attempts, options.Model, string.Join(',', verdict.Rejections.Select(static r => r.Reason).Distinct()));
                if (attempts > MaxGateRetries)
                {
                    return Result(WriteOutcome.Rejected, []);
                }

                messages.Add(new ChatMessage(ChatRole.Assistant, answer));
                messages.Add(new ChatMessage(ChatRole.User, prompt.RetryFor(verdict.Rejections.Select(static r => $"{r.Detail} ({r.Reason})"))));
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            var result = Result(WriteOutcome.Failed, []);
            // The type and status only: an SDK's message can quote the request.
            AiLog.ModelFailed(_logger, options.Model, attempts, result.LatencyMs, exception.GetType().Name, (exception as ClientResultException)?.Status ?? 0);
            return result;
        }
    }

    private IChatClient CreateChatClient(AiOptions options)
    {
        // A client per round from the factory, so a long-lived grain still gets handler rotation and fresh DNS.
        var http = _httpClients.CreateClient(AiResilience.ClientName);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint!),
            Transport = new HttpClientPipelineTransport(http),
            // The HTTP client's resilience handler is the one place that retries and times out.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.Timeout,
        };
        // The SDK insists on a key; a local Ollama ignores whatever is sent.
        var key = new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "unused" : options.ApiKey);
        return new OpenAIClient(key, clientOptions).GetChatClient(options.Model).AsIChatClient();
    }
}
