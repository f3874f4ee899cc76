namespace OO.Grains.Interfaces.Ai;

/// <summary>
/// Writes tip candidates for one person from the context their user grain assembled. A stateless worker: any
/// silo may run it, several at once, and it keeps nothing between calls. It is called in the background by the
/// user grain, never on a request path, and it never throws for a model's failure: the outcome says what happened.
/// </summary>
[Alias("oo.IGeneratorGrain")]
public interface IGeneratorGrain : IGrainWithIntegerKey
{
    /// <summary>Asks the configured generator for up to <see cref="TipContext.MaxCandidates"/> candidates that passed the gate.</summary>
    [Alias("Generate")]
    Task<GenerationResult> Generate(TipContext context);
}
