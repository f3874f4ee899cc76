using Microsoft.Data.Sqlite;

namespace OO.Silo.Storage.Sqlite;

/// <summary>A queued write: applied by the writer inside a batch's transaction, answered only after the commit.</summary>
internal abstract class SqliteWrite
{
    /// <summary>Runs the statements on the writer thread; what it decides is answered by <see cref="Acknowledge"/>.</summary>
    public abstract void Apply(SqliteStatements statements, SqliteTransaction transaction);

    /// <summary>The transaction is durable: tell the caller what <see cref="Apply"/> found.</summary>
    public abstract void Acknowledge();

    /// <summary>The transaction failed: nothing of this write is stored.</summary>
    public abstract void Fail(Exception error);
}

/// <summary>A queued write whose caller awaits a <typeparamref name="T"/>.</summary>
internal abstract class SqliteWrite<T> : SqliteWrite
{
    private Func<T>? _outcome;

    // Continuations never run on the writer thread: it goes straight back to committing.
    public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Acknowledge()
    {
        try
        {
            Completion.TrySetResult((_outcome ?? throw new InvalidOperationException($"{GetType().Name} was applied without an answer."))());
        }
        catch (Exception refusal)
        {
            Completion.TrySetException(refusal);
        }
    }

    public override void Fail(Exception error) => Completion.TrySetException(error);

    /// <summary>What the caller gets once the commit is durable: a value, or an exception thrown from it (a conflict).</summary>
    protected void Answer(Func<T> outcome) => _outcome = outcome;
}
