using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OO.Grains.Interfaces.Tasks;
using OO.Learning.Features;
using OO.Learning.Logging;
using OO.Learning.Policies;
using RequestContext = OO.Learning.Features.RequestContext;

namespace OO.Grains.Learning;

/// <summary>
/// Chooses the one tip among a user's candidates with the serving policy, lets the shadow policies
/// score the same request, and writes down why. Policies are stateless: the model is the user's.
/// </summary>
public sealed class TipChooser(IOptions<LearningOptions> options, [FromKeyedServices(GrainClock.ServiceKey)] TimeProvider time)
{
    private readonly LearningOptions _options = options.Value;
    private readonly Dictionary<string, IBanditPolicy> _policies = PolicyFactory.Names.ToDictionary(
        name => name, name => PolicyFactory.Create(name, options.Value.Policy), StringComparer.Ordinal);

    public string DefaultPolicy => _options.ActivePolicy;

    public IReadOnlyList<string> ShadowPolicies => _options.ShadowPolicies;

    public static bool IsKnownPolicy(string name) => PolicyFactory.Names.Contains(name);

    /// <summary>A model of the current feature layout for this user, creating or resetting it when needed.</summary>
    public LinearModelState ModelFor(LearningState learning)
    {
        if (learning.Model is null || learning.FeatureVersion != FeatureRegistry.Version || learning.Model.Dimension != FeatureRegistry.Dimension)
        {
            learning.Model = LinearModelState.Create(FeatureRegistry.Dimension, _options.Policy.Ridge);
            learning.FeatureVersion = FeatureRegistry.Version;
        }

        return learning.Model;
    }

    public TipDecision Choose(
        IReadOnlyList<(string Key, SourceTask Task)> candidates,
        LearningState learning,
        TimeZoneInfo timeZone,
        Random random)
    {
        var started = time.GetTimestamp();
        var context = new RequestContext(time.GetUtcNow(), timeZone);
        var vectors = FeatureVectorBuilder.BuildAll(candidates.Select(c => Facts(c.Task)), context, learning.Profile);
        var model = ModelFor(learning);
        var serving = learning.PolicyOverride ?? _options.ActivePolicy;
        var decision = _policies[serving].Choose(vectors, model, random);

        // Shadows draw from their own generator, so scoring them never changes what is served.
        var shadowRandom = new Random(random.Next());
        var shadows = _options.ShadowPolicies
            .Where(name => name != serving)
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
            serving,
            [.. shadows.Select(s => new ShadowChoice(s.Policy, Array.IndexOf(logged, s.Index)))],
            FeatureRegistry.Names);
        return new TipDecision(
            decision.ChosenIndex, serving, decision.Propensity, decision.Scores[decision.ChosenIndex], vectors[decision.ChosenIndex], latency, log.ToJson());
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

    /// <summary>Folds a reward for features served earlier into the user's model.</summary>
    public void Learn(LearningState learning, double[] features, double reward)
    {
        var model = ModelFor(learning);
        if (features.Length == model.Dimension)
        {
            _policies[learning.PolicyOverride ?? _options.ActivePolicy].Update(model, features, reward);
        }
    }

    /// <summary>The model's expected reward for a candidate now (used to decide whether it is worth a push).</summary>
    public double ExpectedReward(SourceTask task, LearningState learning, TimeZoneInfo timeZone) =>
        ModelFor(learning).Predict(FeatureVectorBuilder.BuildValues(Facts(task), new RequestContext(time.GetUtcNow(), timeZone), learning.Profile));

    private static TaskFacts Facts(SourceTask task) =>
        new(task.DueDate, task.DueAt, task.AddedAt, task.Priority, IsAdvice: false, task.Meaning);
}
