using OO.Learning.Policies;

namespace OO.Learning.Simulation;

/// <summary>The synthetic scenario. Defaults are the "default scenario" the docs and tests quote.</summary>
public sealed class SimulationOptions
{
    /// <summary>Requests in total, across all users. Default 5000.</summary>
    public int Steps { get; set; } = 5000;

    /// <summary>Seed of users, requests and reward noise. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Candidates per request (K). Default 10.</summary>
    public int Candidates { get; set; } = 10;

    /// <summary>Synthetic users, each with its own hidden preferences and its own model per policy. Default 10.</summary>
    public int Users { get; set; } = 10;

    /// <summary>What the users' choices depend on. Default <see cref="SimulationTastes.MeaningTime"/>.</summary>
    public SimulationTastes Tastes { get; set; } = SimulationTastes.MeaningTime;

    /// <summary>False zeroes the meaning × hour features, to measure what the interactions are worth. Default true.</summary>
    public bool Interactions { get; set; } = true;

    /// <summary>
    /// True serves every person with the population prior, as oO does by default: every reward is also added to
    /// pooled <see cref="Population.PopulationStatistics"/>, whose ridge mean θ₀ is re-solved every
    /// <see cref="PriorRefreshSteps"/> requests and used through <see cref="LinearModelState.WithPriorMean"/>.
    /// False is per-user learning alone. Default true.
    /// </summary>
    public bool PopulationPrior { get; set; } = true;

    /// <summary>Requests between two solves of the population mean (the population grain's refresh). Default 100.</summary>
    public int PriorRefreshSteps { get; set; } = 100;

    /// <summary>
    /// True also runs hybrid LinUCB (Li et al. 2010; a shared and a personal coefficient vector, learned jointly) on
    /// the same stream, reported as "hybrid-linucb" after the given policies: the design alternative. Default false.
    /// </summary>
    public bool Hybrid { get; set; }

    /// <summary>Options for every simulated policy.</summary>
    public PolicyOptions Policy { get; set; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for an unusable scenario.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Steps, 1, nameof(Steps));
        ArgumentOutOfRangeException.ThrowIfLessThan(Candidates, 1, nameof(Candidates));
        ArgumentOutOfRangeException.ThrowIfLessThan(Users, 1, nameof(Users));
        ArgumentOutOfRangeException.ThrowIfLessThan(PriorRefreshSteps, 1, nameof(PriorRefreshSteps));
        Policy.Validate();
    }
}
