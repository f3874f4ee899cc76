using OO.Learning.Evaluation;

namespace OO.Learning.Tests.Evaluation;

/// <summary>Logs made by a uniform-random logger over K candidates whose click probability rises with feature 1.</summary>
internal static class SyntheticLog
{
    public static List<LoggedEvent> UniformlyLogged(int events, int candidates, int seed)
    {
        var random = new Random(seed);
        var log = new List<LoggedEvent>();
        for (var n = 0; n < events; n++)
        {
            var contexts = Enumerable.Range(0, candidates).Select(_ => new[] { 1.0, random.NextDouble(), random.NextDouble() }).ToArray();
            var chosen = random.Next(candidates);
            var click = random.NextDouble() < 0.1 + (0.8 * contexts[chosen][1]) ? 1.0 : 0.0;
            log.Add(new LoggedEvent(contexts, chosen, 1.0 / candidates, click));
        }

        return log;
    }
}
