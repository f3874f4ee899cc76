using OO.Grains.Interfaces.Tasks;
using OO.Grains.Sources;

namespace OO.Grains.Tests.Infrastructure;

/// <summary>One account at the <see cref="ScriptedTaskSource"/>: what it holds and what happened to it.</summary>
public sealed class ScriptedAccount(string id)
{
    private readonly object _gate = new();
    private readonly List<SourceTask> _tasks = [];
    private readonly List<string> _closed = [];
    private readonly List<string> _revoked = [];
    private int _generation;
    private int _closeFailures;
    private bool _hangNextRevoke;
    private readonly Dictionary<ScriptedCall, int> _hangs = [];
    private readonly Dictionary<ScriptedCall, int> _starts = [];
    private readonly Dictionary<ScriptedCall, int> _cancelled = [];
    private readonly List<DateTimeOffset> _closeStarts = [];
    private TaskCompletionSource? _stall;
    private bool _stallNextFetch;

    public string Id { get; } = id;

    /// <summary>How long an access token lives. Default: a day.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(1);

    public int Fetches { get; private set; }

    public int RevokeAttempts { get; private set; }

    public int Refreshes { get; private set; }

    public IReadOnlyList<string> Closed
    {
        get
        {
            lock (_gate)
            {
                return [.. _closed];
            }
        }
    }

    public IReadOnlyList<string> RevokedTokens
    {
        get
        {
            lock (_gate)
            {
                return [.. _revoked];
            }
        }
    }

    public void SetTasks(params SourceTask[] tasks)
    {
        lock (_gate)
        {
            _tasks.Clear();
            _tasks.AddRange(tasks);
        }
    }

    /// <summary>The next <paramref name="count"/> closes answer as an outage would.</summary>
    public void FailCloses(int count) => _closeFailures = count;

    /// <summary>The user revoked oO's access at the provider: every token issued so far stops working.</summary>
    public void RevokeAccessAtProvider()
    {
        lock (_gate)
        {
            _generation++;
        }
    }

    /// <summary>The next revoke never answers.</summary>
    public void HangNextRevoke() => _hangNextRevoke = true;

    /// <summary>The next <paramref name="times"/> calls of this kind never answer; only the caller's cancellation ends them.</summary>
    public void Hang(ScriptedCall call, int times = 1)
    {
        lock (_gate)
        {
            _hangs[call] = times;
        }
    }

    /// <summary>
    /// The next listing never answers and ignores cancellation (a client library that does not honour it),
    /// until <see cref="ReleaseStall"/>.
    /// </summary>
    public void StallNextFetch()
    {
        lock (_gate)
        {
            _stall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _stallNextFetch = true;
        }
    }

    public void ReleaseStall()
    {
        lock (_gate)
        {
            _stall?.TrySetResult();
        }
    }

    /// <summary>How many calls of this kind began.</summary>
    public int Started(ScriptedCall call)
    {
        lock (_gate)
        {
            return _starts.GetValueOrDefault(call);
        }
    }

    /// <summary>How many hung calls of this kind their caller cancelled.</summary>
    public int Cancelled(ScriptedCall call)
    {
        lock (_gate)
        {
            return _cancelled.GetValueOrDefault(call);
        }
    }

    /// <summary>When each close began, on the grains' clock.</summary>
    public IReadOnlyList<DateTimeOffset> CloseStarts
    {
        get
        {
            lock (_gate)
            {
                return [.. _closeStarts];
            }
        }
    }

    /// <summary>Counts a call, then hangs it when scripted to, until <paramref name="cancellationToken"/> ends it.</summary>
    internal async Task Begin(ScriptedCall call, DateTimeOffset now, CancellationToken cancellationToken)
    {
        bool hang;
        Task? stall = null;
        lock (_gate)
        {
            _starts[call] = _starts.GetValueOrDefault(call) + 1;
            if (call == ScriptedCall.Close)
            {
                _closeStarts.Add(now);
            }

            hang = _hangs.GetValueOrDefault(call) > 0;
            if (hang)
            {
                _hangs[call]--;
            }

            if (call == ScriptedCall.Fetch && _stallNextFetch && _stall is { } pending)
            {
                stall = pending.Task;
                _stallNextFetch = false;
            }
        }

        if (stall is not null)
        {
            await stall;
        }

        if (hang)
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                lock (_gate)
                {
                    _cancelled[call] = _cancelled.GetValueOrDefault(call) + 1;
                }

                throw;
            }
        }
    }

    internal SourceTokens Issue(DateTimeOffset now)
    {
        lock (_gate)
        {
            return new SourceTokens($"a:{Id}:{_generation}", $"r:{Id}:{_generation}", now + TokenLifetime);
        }
    }

    internal SourceTokens Refresh(int generation, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (generation != _generation)
            {
                // Rotated: the old refresh token died with the last refresh.
                throw new TaskSourceException(TaskSourceFault.Unauthorized, "The refresh token was already used.");
            }

            _generation++;
            Refreshes++;
            return new SourceTokens($"a:{Id}:{_generation}", $"r:{Id}:{_generation}", now + TokenLifetime);
        }
    }

    internal bool Accepts(int generation) => generation == _generation;

    internal IReadOnlyList<SourceTask> Fetch()
    {
        lock (_gate)
        {
            Fetches++;
            return [.. _tasks];
        }
    }

    internal void Complete(string sourceRef)
    {
        lock (_gate)
        {
            if (_closeFailures > 0)
            {
                _closeFailures--;
                throw new TaskSourceException(TaskSourceFault.Unavailable, "The source could not be reached.");
            }

            _tasks.RemoveAll(t => t.SourceRef == sourceRef);
            _closed.Add(sourceRef);
        }
    }

    internal bool StartRevoke()
    {
        lock (_gate)
        {
            RevokeAttempts++;
            var hang = _hangNextRevoke;
            _hangNextRevoke = false;
            return hang;
        }
    }

    internal void Revoked(string accessToken)
    {
        lock (_gate)
        {
            _revoked.Add(accessToken);
        }
    }
}
