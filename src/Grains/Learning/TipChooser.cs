using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Policies;
using OO.Grains.Population;
using OO.Learning.Features;
using OO.Learning.Logging;
using OO.Learning.Policies;
using RequestContext = OO.Learning.Features.RequestContext;

namespace OO.Grains.Learning;

/// <summary>
/// Chooses the one tip among a user's candidates with the serving policy, lets the shadow policies
/// score the same request, and writes down why. Policies are stateless: the model is the user's.
/// Which policies serve and shadow is the cluster-wide choice (<see cref="ServingPolicies"/>) unless the user
/// has an override. A user's model is read shrunk toward the population prior θ₀ when there is one, so a
/// new person starts from what everyone's reactions taught and moves away as they react; every reward
/// is also pooled (without id or text) for that prior.
/// </summary>
public sealed class TipChooser(
    IOptions<LearningOptions> options,
    ServingPolicies serving,
    PopulationContributions population,
    PopulationPriorCache prior,
    IOptions<PopulationOptions> populationOptions,
    [FromKeyedServices(GrainClock.ServiceKey)] TimeProvider time)
{
    private readonly LearningOptions _options = options.Value;
    private readonly bool _pooling = populationOptions.Value.Enabled;
    private readonly Dictionary<string, IBanditPolicy> _policies = PolicyFactory.Names.ToDictionary(
        name => name, name => PolicyFactory.Create(name, options.Value.Policy), StringComparer.Ordinal);

    /// <summary>The cluster-wide serving policy, as this silo last heard it.</summary>
    public string DefaultPolicy => serving.Current.Active;

    public IReadOnlyList<string> ShadowPolicies => serving.Current.Shadows;

    public static bool IsKnownPolicy(string name) => PolicyFactory.Names.Contains(name);

    /// <summary>A model of the current feature layout for this user, creating or resetting it when needed.</summary>
    public LinearModelState ModelFor(LearningState learning)
    {
        if (learning.Model is null || learning.FeatureVersion != FeatureRegistry.Version || learning.Model.Dimension != FeatureRegistry.Dimension)
        {
            learning.Model = LinearModelState.Create(FeatureRegistry.Dimension, _options.Policy.Ridge);
            learning.FeatureVersion = FeatureRegistry.Version;
            learning.PopulationContributions = 0;
        }

        return learning.Model;
    }

    public TipDecision Choose(
        IReadOnlyList<(string Key, TaskFacts Facts)> candidates,
        LearningState learning,
        TimeZoneInfo timeZone,
        Random random,
        CalendarContext? calendar = null)
    {
        var started = time.GetTimestamp();
        var context = new RequestContext(time.GetUtcNow(), timeZone) { Calendar = calendar };
        var vectors = FeatureVectorBuilder.BuildAll(candidates.Select(c => c.Facts), context, learning.Profile);
        var model = Prior(ModelFor(learning));
        var policies = serving.Current;
        var servingPolicy = learning.PolicyOverride ?? policies.Active;
        var decision = _policies[servingPolicy].Choose(vectors, model, random);

        // Shadows draw from their own generator, so scoring them never changes what is served.
        var shadowRandom = new Random(random.Next());
        var shadows = policies.Shadows
            .Where(name => name != servingPolicy)
            .Select(name => (Policy: name, Index: _policies[name].Choose(vectors, model, shadowRandom).ChosenIndex))
            .ToList();
        var latency = (long)time.GetElapsedTime(started).TotalMicroseconds;

        var logged = LoggedIndices(decision.Scores, decision.ChosenIndex, _options.LoggedCandidates);
        var log = new DecisionLogEntry(
            Rebuilt: false,
            [.. logged.Select(i => new LoggedCandidate(candidates[i].Key, vectors[i], decision.Scores[i]))],
            Array.IndexOf(logged, decision.ChosenIndex),
            candidates.Count,
            decision.Propensity,
            servingPolicy,
            [.. shadows.Select(s => new ShadowChoice(s.Policy, Array.IndexOf(logged, s.Index)))],
            FeatureRegistry.Names);
        return new TipDecision(
            decision.ChosenIndex, servingPolicy, decision.Propensity, decision.Scores[decision.ChosenIndex], vectors[decision.ChosenIndex], latency, log.ToJson());
    }

    /// <summary>
    /// Which candidates a decision logs, in their original order: the <paramref name="limit"/> best-scored
    /// and always the chosen one, so a user with thousands of tasks cannot make every decision row huge.
    /// </summary>
    public static int[] LoggedIndices(IReadOnlyList<double> scores, int chosenIndex, int limit)
    {
        var best = Enumerable.Range(0, scores.Count)
            .OrderByDescending(i => scores[i])
            .ThenBy(i => i)
            .Take(limit)
            .Append(chosenIndex);
        return [.. best.Distinct().Order()];
    }

    /// <summary>
    /// The log entry of a tip served earlier whose entry may have been lost (a crash before the writer ran):
    /// only the chosen candidate is known any more, and the entry says it was rebuilt.
    /// </summary>
    public static string RebuiltDecisionLog(string key, double[] features, double score, double propensity, string policy) =>
        new DecisionLogEntry(true, [new LoggedCandidate(key, features, score)], 0, 1, propensity, policy, [], FeatureRegistry.Names).ToJson();

    /// <summary>
    /// Folds a reward for features served earlier into the user's model and, when the prior is on, pools it for the
    /// population (in memory: the reaction never waits on the population grain).
    /// </summary>
    public void Learn(LearningState learning, double[] features, double reward)
    {
        var model = ModelFor(learning);
        if (features.Length != model.Dimension)
        {
            return;
        }

        if (_pooling && learning.PopulationContributions == 0 && model.Updates > 0)
        {
            // A model that learned before it contributed (before the prior existed): pool its history once, so all of it stays separable.
            population.AddModel(model, _options.Policy.Ridge);
            learning.PopulationContributions = model.Updates;
        }

        _policies[learning.PolicyOverride ?? serving.Current.Active].Update(model, features, reward);
        if (_pooling)
        {
            population.Add(features, reward);
            if (learning.PopulationContributions == model.Updates - 1)
            {
                learning.PopulationContributions = model.Updates;
            }
        }
    }

    /// <summary>
    /// Takes what this user's model contributed to the population back out (an account being deleted). Exact when
    /// every update of the current model was pooled; a model that was reset keeps its earlier part pooled (it is no
    /// longer known), and one that learned while the prior was off is not separable, so nothing is withdrawn for it.
    /// </summary>
    public void WithdrawFromPopulation(LearningState learning)
    {
        if (learning.Model is { } model
            && learning.FeatureVersion == FeatureRegistry.Version
            && learning.PopulationContributions > 0
            && learning.PopulationContributions == model.Updates)
        {
            population.Withdraw(model, _options.Policy.Ridge);
            learning.PopulationContributions = 0;
        }
    }

    /// <summary>The model's expected reward for a candidate now (used to decide whether it is worth a push).</summary>
    public double ExpectedReward(SourceTask task, LearningState learning, TimeZoneInfo timeZone) =>
        ExpectedReward(Facts(task), learning, timeZone);

    /// <summary>The model's expected reward for a candidate, task or written, now.</summary>
    public double ExpectedReward(TaskFacts facts, LearningState learning, TimeZoneInfo timeZone, CalendarContext? calendar = null) =>
        Prior(ModelFor(learning)).Predict(FeatureVectorBuilder.BuildValues(
            facts, new RequestContext(time.GetUtcNow(), timeZone) { Calendar = calendar }, learning.Profile));

    /// <summary>A read-only view of <paramref name="model"/> shrunk toward θ₀ when there is a prior; never update the view.</summary>
    private LinearModelState Prior(LinearModelState model) =>
        prior.Mean is { } mean && mean.Length == model.Dimension ? model.WithPriorMean(mean, _options.Policy.Ridge) : model;

    /// <summary>What the learner sees of a source's task: it is the baseline kind, written by nobody.</summary>
    public static TaskFacts Facts(SourceTask task) =>
        new(task.DueDate, task.DueAt, task.AddedAt, task.Priority, task.Meaning);
}
