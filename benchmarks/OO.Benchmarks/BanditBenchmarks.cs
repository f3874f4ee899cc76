using BenchmarkDotNet.Attributes;
using OO.Learning.Features;
using OO.Learning.Policies;

namespace OO.Benchmarks;

/// <summary>
/// The per-request bandit math: choosing among 50 candidates and folding in one reward. Dimension 12 is the
/// target the budget was set for; 17 is oO's actual vector (<see cref="FeatureRegistry.Dimension"/>).
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
    private int _next;

    [Params(12, 17)]
    public int Dimension { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = new Random(7);
        _contexts = Enumerable.Range(0, Candidates)
            .Select(_ => Enumerable.Range(0, Dimension).Select(j => j == 0 ? 1.0 : data.NextDouble()).ToArray())
            .ToArray();
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
