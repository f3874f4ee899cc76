using OO.Grains.Interfaces.Ai;
using Orleans.Concurrency;

namespace OO.Grains.Ai;

/// <summary>
/// Runs the host's <see cref="ITipGenerator"/> for the user grain that asks. Stateless and reentrant, so one slow
/// model never queues other people's generations, and any silo may run it.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class GeneratorGrain(ITipGenerator generator) : Grain, IGeneratorGrain
{
    Task<GenerationResult> IGeneratorGrain.Generate(TipContext context) => generator.GenerateAsync(context);
}
