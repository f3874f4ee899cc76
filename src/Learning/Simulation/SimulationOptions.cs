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

    /// <summary>Options for every simulated policy.</summary>
    public PolicyOptions Policy { get; set; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for an unusable scenario.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Steps, 1, nameof(Steps));
        ArgumentOutOfRangeException.ThrowIfLessThan(Candidates, 1, nameof(Candidates));
        ArgumentOutOfRangeException.ThrowIfLessThan(Users, 1, nameof(Users));
        Policy.Validate();
    }
}
