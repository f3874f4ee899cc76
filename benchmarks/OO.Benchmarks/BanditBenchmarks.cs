using BenchmarkDotNet.Attributes;
using OO.Learning.Features;
using OO.Learning.Policies;
using OO.Learning.Simulation;

namespace OO.Benchmarks;

/// <summary>
/// The per-request bandit math: choosing among 50 candidates and folding in one reward, for every policy.
/// d = 30 is feature layout 2 (<see cref="FeatureRegistry.Dimension"/>); 17 was layout 1, kept for comparison.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class BanditBenchmarks
{
    private const int Candidates = 50;

    private readonly Random _random = new(42);
    private double[][] _contexts = [];
    private LinearModelState _state = LinearModelState.Create(1);
    private IBanditPolicy _linUcb = new LinUcbPolicy();
    private IBanditPolicy _thompson = new ThompsonSamplingPolicy();
    private IBanditPolicy _epsilonGreedy = new EpsilonGreedyPolicy();
    private IBanditPolicy _uniform = new RandomPolicy();
    private int _next;
    private TaskFacts[] _tasks = [];
    private RequestContext _context = new(DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc);

    [Params(17, 30)]
    public int Dimension { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = new Random(7);
        _contexts = Enumerable.Range(0, Candidates)
            .Select(_ => Enumerable.Range(0, Dimension).Select(j => j == 0 ? 1.0 : data.NextDouble()).ToArray())
            .ToArray();
        var now = new DateTimeOffset(2026, 3, 2, 18, 30, 0, TimeSpan.Zero);
        _context = new RequestContext(now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        _tasks = [.. Enumerable.Range(0, Candidates).Select(i => new TaskFacts(
            i % 3 == 0 ? DateOnly.FromDateTime(now.UtcDateTime).AddDays(i % 5 - 2) : null, null, now.AddDays(-i), 1 + (i % 4),
            SyntheticTopics.Meaning(i % SyntheticTopics.Count, data),
            i % 7 == 0 ? new GeneratedFacts(CandidateKind.Advice, ByLanguageModel: true, Confidence: 0.8, "tip-generator", "p1") : null))];
        _state = LinearModelState.Create(Dimension);
        _linUcb = new LinUcbPolicy();
        _thompson = new ThompsonSamplingPolicy();
        _epsilonGreedy = new EpsilonGreedyPolicy();

        // A model with some history, as a returning user's would be.
        for (var n = 0; n < 500; n++)
        {
            var x = _contexts[data.Next(Candidates)];
            _linUcb.Update(_state, x, x[1] > 0.5 ? 1.0 : 0.0);
        }
    }

    /// <summary>Layout-2 vectors of 50 candidates with meanings, as a tip request builds them before choosing (d is always the registry's).</summary>
    [Benchmark]
    public long BuildFeatures()
    {
        var sum = 0L;
        foreach (var task in _tasks)
        {
            sum += FeatureVectorBuilder.BuildValues(task, _context, UserProfile.Empty).Length;
        }

        return sum;
    }

    /// <summary>Bytes of one user's model in memory: A⁻¹'s packed upper triangle (d(d+1)/2) and B (d) as doubles.</summary>
    public int ModelBytes => (LinearModelState.PackedLength(Dimension) + Dimension) * sizeof(double);

    [Benchmark]
    public long RandomChoose() => _uniform.Choose(_contexts, _state, _random).ChosenIndex;

    [Benchmark]
    public long LinUcbChoose() => _linUcb.Choose(_contexts, _state, _random).ChosenIndex;

    [Benchmark]
    public long ThompsonChoose() => _thompson.Choose(_contexts, _state, _random).ChosenIndex;

    [Benchmark]
    public long EpsilonGreedyChoose() => _epsilonGreedy.Choose(_contexts, _state, _random).ChosenIndex;

    /// <summary>All linear policies share this update (Sherman–Morrison on A⁻¹ plus B += r·x).</summary>
    [Benchmark]
    public long Update()
    {
        var x = _contexts[_next++ % Candidates];
        _linUcb.Update(_state, x, 0.5);
        return _state.Updates;
    }
}
