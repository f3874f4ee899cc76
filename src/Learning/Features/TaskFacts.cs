namespace OO.Learning.Features;

/// <summary>What the learner needs to know about one candidate.</summary>
/// <param name="DueDate">A due date without a time (Todoist "date" dues), in the user's calendar.</param>
/// <param name="DueAt">A due instant, when the task has a time.</param>
/// <param name="AddedAt">When the task was created, or the candidate written.</param>
/// <param name="Priority">Todoist priority: 1 = normal … 4 = urgent; values outside are clamped.</param>
/// <param name="Meaning">What the candidate is about, packed by <see cref="Meaning.MeaningCode"/>; 0 when not known.</param>
/// <param name="Generated">Set for a candidate written by oO (advice, insight, reminder); null for a source's task.</param>
public sealed record TaskFacts(DateOnly? DueDate, DateTimeOffset? DueAt, DateTimeOffset AddedAt, int Priority, ulong Meaning = 0, GeneratedFacts? Generated = null);
