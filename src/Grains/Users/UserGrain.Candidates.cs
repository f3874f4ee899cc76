using Microsoft.Extensions.Logging;
using OO.Ai;
using OO.Grains.Analytics;
using OO.Grains.Interfaces.Ai;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Learning;

namespace OO.Grains.Users;

/// <summary>
/// Written candidates: when to ask the generator for new ones, what it is told, and the cache of its answers.
/// <para>
/// A generation is never on a request's path. A request only decides, in memory, whether one is due and, if so,
/// starts it detached from the turn: the generator's answer comes back as a call of its own
/// (<see cref="IUserCandidates.AcceptGenerated"/>), queued like any other, so however slow or broken the generator is,
/// this grain keeps answering. One is due when no other is in flight, <see cref="AiOptions.MinInterval"/> has
/// passed since the last, no source is still on its first sync, and the context changed enough: never asked
/// before, a different set of top tasks, <see cref="AiOptions.ReactionsForNewContext"/> new reactions, or no
/// live candidate left.
/// </para>
/// </summary>
public sealed partial class UserGrain : IUserCandidates
{
    /// <summary>When the generation this activation started and is still waiting for was asked; null when none is in flight.</summary>
    private DateTimeOffset? _generatingAskedAt;

    /// <summary>Starts a generation in the background when one is due; returns at once either way.</summary>
    private void GenerateIfDue(DateTimeOffset now)
    {
        var options = _aiOptions;
        if (options.Engine == GeneratorEngine.None || _generatingAskedAt is not null || !Exists || Syncing()
            || State.GeneratedAt is { } at && now - at < options.MinInterval)
        {
            return;
        }

        var tasks = ScoredOpenTasks(now);
        var fingerprint = TipContextAssembler.Fingerprint(TipContextAssembler.Top(tasks, options.ContextTasks).Select(t => t.Key));
        var reactions = ReactionCount();
        var changed = State.GeneratedAt is null
            || fingerprint != State.GeneratedForTasks
            || reactions - State.GeneratedAtReactions >= options.ReactionsForNewContext
            || !State.Candidates.Any(c => c.ExpiresAt > now);
        if (!changed)
        {
            return;
        }

        // Calendar reminders are not sent: they hold event titles, and calendar data stays on this host.
        var existing = LiveCandidates(now).Where(c => !CandidatePool.IsCalendarReminder(c)).Select(c => c.Candidate.Content);
        var context = TipContextAssembler.Assemble(
            tasks, State.Served, learning.State.Profile, existing, now, TimeZone(), options.ContextTasks, options.MaxCandidates);
        // Counted as asked now, in memory; persisted with the answer (or with whatever this grain writes first).
        State.GeneratedAt = now;
        State.GeneratedForTasks = fingerprint;
        State.GeneratedAtReactions = reactions;
        _generatingAskedAt = now;
        _ = GenerateDetached(context, now);
    }

    /// <summary>
    /// Asks the generator and hands the answer back as a call on this grain. Started from a turn without being awaited,
    /// so it holds no turn: its continuations run on this activation's scheduler, one at a time with the grain's own
    /// work but interleaved with other turns at their awaits. It therefore touches no state but the in-flight marker,
    /// and clears that only while it still names this generation (a later one may have started meanwhile).
    /// </summary>
    private async Task GenerateDetached(TipContext context, DateTimeOffset askedAt)
    {
        GenerationResult result;
        try
        {
            result = await GrainFactory.GetGrain<IGeneratorGrain>(0).Generate(context);
        }
        catch (Exception e)
        {
            // The generator's own failures come back as an outcome; this is a timeout or a crash of the call itself.
            LogGenerationFailed(logger, e, UserId);
            result = GenerationResult.Nothing("", "") with { Outcome = GenerationOutcome.Failed };
        }

        var meanings = await Meanings(result.Candidates.Select(c => c.Content).ToList());
        try
        {
            await this.AsReference<IUserCandidates>().AcceptGenerated(result, askedAt, meanings);
        }
        catch (Exception e)
        {
            if (_generatingAskedAt == askedAt)
            {
                _generatingAskedAt = null;
            }

            LogGenerationFailed(logger, e, UserId);
        }
    }

    /// <summary>
    /// The meanings of written texts, read on this host outside any turn, within <c>OO:Integrations:MeaningTimeout</c>;
    /// none when the engine fails or is late (the candidates are then served without one, as a task is before its meaning is known).
    /// </summary>
    private async Task<ulong[]> Meanings(List<string> texts)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        var budget = integrationOptions.Value.MeaningTimeout;
        using var timeout = new CancellationTokenSource(budget, time);
        try
        {
            // WaitAsync as well as the token: an engine that ignores cancellation still cannot hold the answer back.
            var meanings = await textMeaning.MeaningsAsync(texts, timeout.Token).AsTask().WaitAsync(budget, time, CancellationToken.None);
            return meanings.Length == texts.Count ? meanings : [];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogMeaningsMissing(logger, UserId, e.GetType().Name);
            return [];
        }
    }

    async Task IUserCandidates.AcceptGenerated(GenerationResult result, DateTimeOffset askedAt, IReadOnlyList<ulong> meanings)
    {
        if (_generatingAskedAt == askedAt)
        {
            // An answer to another activation's question leaves this one's generation in flight.
            _generatingAskedAt = null;
        }

        if (!Exists)
        {
            // Deleted meanwhile: its rows are erased, and this one must not come after the erasure.
            return;
        }

        var now = time.GetUtcNow();
        analytics.Generated(new GenerationRecord(
            askedAt, UserId, result.Model, result.PromptVersion, result.Outcome.ToString().ToLowerInvariant(), result.Candidates.Count,
            result.RejectionsByReason, result.LatencyMs, result.InputTokens, result.OutputTokens, result.ContextHash, result.ContextBytes,
            result.Attempts));
        var changed = State.Candidates.RemoveAll(c => c.ExpiresAt <= now) > 0;
        var known = State.Candidates.Select(c => c.Candidate.Content).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < result.Candidates.Count; i++)
        {
            var candidate = result.Candidates[i];
            if (string.IsNullOrWhiteSpace(candidate.Content) || string.IsNullOrWhiteSpace(candidate.SourceRef) || !known.Add(candidate.Content))
            {
                continue;
            }

            changed = true;
            State.Candidates.Add(new WrittenCandidate
            {
                Candidate = candidate with { Source = CandidatePool.SourceOf(candidate) },
                AboutKey = i < result.AboutRefs.Count ? result.AboutRefs[i] : null,
                CreatedAt = now,
                ExpiresAt = now + _aiOptions.CandidateTtl,
                Meaning = i < meanings.Count ? meanings[i] : 0,
            });
        }

        CandidatePool.Trim(State.Candidates, _aiOptions.MaxCandidates * 3, ShownCandidate(), now);

        if (State.GeneratedAt is not { } at || at < askedAt)
        {
            // This activation did not ask (it was collected meanwhile): the answer still counts as the last generation.
            State.GeneratedAt = askedAt;
        }

        // Nothing asked of any model and nothing to keep: the next write carries the time, and a restart may ask again.
        if (changed || result.Outcome != GenerationOutcome.Skipped)
        {
            await state.WriteStateAsync();
        }

        LogGenerated(logger, UserId, result.Outcome, result.Candidates.Count);
    }

    /// <summary>The written candidates that may be shown now.</summary>
    private List<WrittenCandidate> LiveCandidates(DateTimeOffset now)
    {
        var openTasks = State.Sources.SelectMany(s => s.Value.Tasks.Select(t => Key(s.Key, t.SourceRef))).ToHashSet(StringComparer.Ordinal);
        return CandidatePool.Live(State.Candidates, openTasks, now);
    }

    /// <summary>The written candidate of the current tip (last served, not yet answered), or null when it is a task or answered.</summary>
    private (string Source, string SourceRef)? ShownCandidate() =>
        State.Served is [.., { HasOutcome: false } last] && CandidatePool.IsWritten(last.Tip.Source) ? (last.Tip.Source, last.Tip.SourceRef) : null;

    /// <summary>The open tasks with the model's expected reward for each now: what decides which titles the generator sees.</summary>
    private List<(string Key, SourceTask Task, double Score)> ScoredOpenTasks(DateTimeOffset now)
    {
        var tasks = CandidatePool.Open(State.Sources, State.HiddenUntil, now);
        var zone = TimeZone();
        return [.. tasks.Select(t => (Key(t.Source, t.Task.SourceRef), t.Task, chooser.ExpectedReward(TipChooser.Facts(t.Task), learning.State, zone)))];
    }

    private int ReactionCount() => State.Stats.Done + State.Stats.Snoozed + State.Stats.Dismissed;

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId}: a generation did not come back")]
    private static partial void LogGenerationFailed(ILogger logger, Exception exception, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId}: written candidates have no meaning ({Error}); they are served without one")]
    private static partial void LogMeaningsMissing(ILogger logger, string userId, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "User {UserId}: generation {Outcome} with {Candidates} candidates")]
    private static partial void LogGenerated(ILogger logger, string userId, GenerationOutcome outcome, int candidates);
}
