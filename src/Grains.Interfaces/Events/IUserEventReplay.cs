using OO.Grains.Interfaces.Tasks;

namespace OO.Grains.Interfaces.Events;

/// <summary>What the event log's replay asks of a user grain (keyed by user id).</summary>
[Alias("oo.IUserEventReplay")]
public interface IUserEventReplay : IGrainWithStringKey
{
    /// <summary>Applies <paramref name="snapshot"/> as if it came from the task stream; false when the grain already has that version (or a newer one), or no longer has the source.</summary>
    [Alias("ReapplySnapshot")]
    Task<bool> ReapplySnapshot(TaskSnapshot snapshot);
}
