namespace OO.Grains.Interfaces.Tips;

/// <summary>What a tip asks of the person: do a task, or consider an advice.</summary>
[GenerateSerializer]
public enum TipKind
{
    Task = 0,
    Advice = 1,
}
