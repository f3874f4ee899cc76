using Microsoft.Extensions.DependencyInjection;
using OO.Grains.Interfaces.Ai;
using Orleans.Concurrency;

namespace OO.Grains.Tests.Infrastructure;

/// <summary>
/// The generator as the tests script it (<see cref="ScriptedGenerator"/>); in a cluster without one it writes
/// nothing, as the product does with no generator configured. Test-only: the product's generator grain replaces it.
/// </summary>
[StatelessWorker]
public sealed class ScriptedGeneratorGrain(IServiceProvider services) : Grain, IGeneratorGrain
{
    Task<GenerationResult> IGeneratorGrain.Generate(TipContext context) =>
        services.GetService<ScriptedGenerator>() is { } scripted
            ? scripted.Generate(context)
            : Task.FromResult(GenerationResult.Nothing("none", ""));
}
