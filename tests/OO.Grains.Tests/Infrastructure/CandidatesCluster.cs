using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OO.Grains.Ai;

namespace OO.Grains.Tests.Infrastructure;

/// <summary>A cluster whose generator is scripted, with an advice's rewards configured apart from a task's.</summary>
public sealed class CandidatesCluster() : GrainsCluster(Overrides, silo =>
{
    silo.Services.AddSingleton(sp => new ScriptedGenerator(sp.GetRequiredService<FakeTimeProvider>()));
    silo.Services.AddSingleton<ITipGenerator>(sp => sp.GetRequiredService<ScriptedGenerator>());
})
{
    public const double HelpfulAdvice = 0.8;

    private static readonly Dictionary<string, string?> Overrides = new()
    {
        ["OO:Rewards:Kinds:Advice:Done"] = HelpfulAdvice.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["OO:AI:Rules"] = "on",
        ["OO:AI:MinInterval"] = "06:00:00",
        ["OO:AI:CandidateTtl"] = "1.00:00:00",
    };

    public ScriptedGenerator Generator => Silo<ScriptedGenerator>();
}
