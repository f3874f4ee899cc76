namespace OO.Learning.Simulation;

/// <summary>What a synthetic person's chance of doing a tip depends on.</summary>
public enum SimulationTastes
{
    /// <summary>
    /// What the task is about (its topic, seen by the learner only through its packed meaning) and the hour:
    /// each topic has a peak hour ("calls in the morning, writing in the evening") and a liking, per person.
    /// Priority and due dates do not matter.
    /// </summary>
    MeaningTime,

    /// <summary>The task's priority, due state, age and kind, with weights drawn per person; meaning and hour do not matter.</summary>
    PriorityDue,
}
