using OO.Learning.Policies;

namespace OO.Learning.Simulation;

/// <summary>The population scenario: people who share tastes teach a prior, then new people are served their first tips.</summary>
public sealed class PopulationSimulationOptions
{
    /// <summary>People whose rewards make the population statistics. Default 50.</summary>
    public int People { get; set; } = 50;

    /// <summary>Requests in total across <see cref="People"/> before any new person arrives. Default 5000.</summary>
    public int Steps { get; set; } = 5000;

    /// <summary>New people, each served only their first tips. Default 500.</summary>
    public int NewPeople { get; set; } = 500;

    /// <summary>Tips each new person is scored on. Default 3.</summary>
    public int FirstTips { get; set; } = 3;

    /// <summary>Candidates per request (K). Default 10.</summary>
    public int Candidates { get; set; } = 10;

    /// <summary>What everyone's choices depend on. Default <see cref="SimulationTastes.MeaningTime"/>.</summary>
    public SimulationTastes Tastes { get; set; } = SimulationTastes.MeaningTime;

    /// <summary>Seed of people, requests and reward noise. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>The learning policy (by factory name) that serves everyone. Default linucb (oO's default).</summary>
    public string Policy { get; set; } = LinUcbPolicy.PolicyName;

    /// <summary>Options of the policy; its <see cref="PolicyOptions.Ridge"/> is also the prior's λ.</summary>
    public PolicyOptions PolicyOptions { get; set; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for an unusable scenario.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(People, 1, nameof(People));
        ArgumentOutOfRangeException.ThrowIfLessThan(Steps, 1, nameof(Steps));
        ArgumentOutOfRangeException.ThrowIfLessThan(NewPeople, 1, nameof(NewPeople));
        ArgumentOutOfRangeException.ThrowIfLessThan(FirstTips, 1, nameof(FirstTips));
        ArgumentOutOfRangeException.ThrowIfLessThan(Candidates, 1, nameof(Candidates));
        PolicyOptions.Validate();
        if (!PolicyFactory.TryCreate(Policy, PolicyOptions, out _))
        {
            throw new ArgumentOutOfRangeException(nameof(Policy), Policy, $"Unknown policy; known: {string.Join(", ", PolicyFactory.Names)}.");
        }
    }
}
