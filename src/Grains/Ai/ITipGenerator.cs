using OO.Grains.Interfaces.Ai;

namespace OO.Grains.Ai;

/// <summary>Writes tip candidates from one person's context; what the <see cref="GeneratorGrain"/> runs.</summary>
public interface ITipGenerator
{
    /// <summary>Up to <see cref="TipContext.MaxCandidates"/> candidates that passed the gate, and how the generation went.</summary>
    Task<GenerationResult> GenerateAsync(TipContext context);
}
