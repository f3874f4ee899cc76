using OO.Learning.Meaning;

namespace OO.Learning.Features;

/// <summary>
/// The features of oO's learner, in vector order (layout <see cref="Version"/>, d = <see cref="Dimension"/>; the
/// table and the reasons are in docs/learning.md). Changing the order or the count changes the model's
/// dimension, which invalidates every stored <see cref="Policies.LinearModelState"/>: bump <see cref="Version"/>
/// so the grain resets stale models.
/// <para>
/// Layout 4 adds the person's day from a connected calendar, crossed with candidate facts because alone it is the
/// same for every candidate of a request: the free slot's length × "is a task" (short tasks in short gaps), "the next
/// event is soon" × "is a reminder", and "busy now" × "is a task". Without a calendar all three are 0; d = 38 keeps
/// d² + d within the 12 KiB a model may take.
/// </para>
/// <para>
/// Layout 3 adds what tells candidates written by oO apart: the kind as a one-hot (a task is the baseline), whether
/// a language model or the rules wrote it, the generator's confidence, and a ±1 bit hashed from (model, prompt
/// version), so the learner can tell two variants apart.
/// </para>
/// <para>
/// Layout 2 kept only what can change which candidate wins, plus the bias for the push's expected reward: the
/// candidate's own facts, its meaning, and its meaning crossed with the hour on the circle, so "calls in the
/// morning, writing in the evening" is a linear function of the vector. Hour, weekday and profile statistics
/// alone would add the same amount to every candidate of a request, so they are not in the vector.
/// </para>
/// </summary>
public static class FeatureRegistry
{
    /// <summary>Bumped whenever the vector layout changes.</summary>
    public const int Version = 4;

    /// <summary>Profile statistics older than this are recomputed (and shown as stale until they are).</summary>
    public static readonly TimeSpan ProfileTtl = TimeSpan.FromDays(1);

    /// <summary>Index of the first meaning dimension in the vector.</summary>
    public const int MeaningOffset = 11;

    /// <summary>Index of the first meaning × sin(hour) feature; the meaning × cos(hour) ones follow them.</summary>
    public const int InteractionOffset = MeaningOffset + MeaningCode.Dimensions;

    /// <summary>Index of the first calendar interaction (layout 4), after the meaning × hour ones.</summary>
    public const int CalendarOffset = InteractionOffset + (2 * MeaningCode.Dimensions);

    private const int CalendarCount = 3;
    private const double FreeSlotCapMinutes = 240.0;
    private const double SoonMinutes = 120.0;
    private const int BaseCount = MeaningOffset;
    private const int Count = BaseCount + (3 * MeaningCode.Dimensions) + CalendarCount;
    private const double AgeCapDays = 30.0;
    private const double DwellCapSeconds = 600.0;

    /// <summary>All features, in the order of the vector.</summary>
    public static IReadOnlyList<FeatureDefinition> Definitions { get; } = CreateDefinitions();

    /// <summary>
    /// The profile statistics (<see cref="FeatureScope.Profile"/>), described for the admin view. They are not in the
    /// vector — each is one number per person, the same for every candidate, so as a feature it would be a constant
    /// offset — but the push threshold uses them, and each has a <see cref="FeatureDefinition.Ttl"/> after which it is
    /// recomputed. <see cref="FeatureDefinition.Compute"/> reads the value from <see cref="FeatureInput.Profile"/>.
    /// </summary>
    public static IReadOnlyList<FeatureDefinition> ProfileStatistics { get; } =
    [
        new("completion_rate", "Share of past reactions that were done (0..1). Not in the vector: used for the push threshold.", ProfileTtl, FeatureScope.Profile, i => i.Profile.CompletionRate.Value),
        new("snooze_rate", "Share of past reactions that were snooze (0..1). Not in the vector.", ProfileTtl, FeatureScope.Profile, i => i.Profile.SnoozeRate.Value),
        new("dismiss_rate", "Share of past reactions that were dismiss (0..1). Not in the vector.", ProfileTtl, FeatureScope.Profile, i => i.Profile.DismissRate.Value),
        new("mean_dwell_done", "Mean seconds shown before done, capped at 600, divided by 600 (0..1). Not in the vector.", ProfileTtl, FeatureScope.Profile,
            i => Math.Clamp(i.Profile.MeanDwellSeconds.Value, 0.0, DwellCapSeconds) / DwellCapSeconds),
        new("active_hour_sin", "Mean sin(2π·h/24) of past reactions' local hours (with the cosine: direction = typical hour, length = how regular). Not in the vector: for when to push.", ProfileTtl, FeatureScope.Profile,
            i => i.Profile.ActiveHourSin.Value),
        new("active_hour_cos", "Mean cos(2π·h/24) of past reactions' local hours. Not in the vector.", ProfileTtl, FeatureScope.Profile, i => i.Profile.ActiveHourCos.Value),
    ];

    /// <summary>The vector length d.</summary>
    public static int Dimension => Definitions.Count;

    /// <summary>Feature names in vector order.</summary>
    public static IReadOnlyList<string> Names { get; } = Definitions.Select(d => d.Name).ToArray();

    /// <summary>True when a profile value was never computed or is older than <see cref="ProfileTtl"/>.</summary>
    public static bool IsStale(ProfileFeatureValue value, DateTimeOffset now) =>
        value.ComputedAt is not { } at || now - at > ProfileTtl;

    /// <summary>
    /// Writes every feature of one candidate into <paramref name="values"/> (length <see cref="Dimension"/>): the
    /// one place the values are computed; each definition's <see cref="FeatureDefinition.Compute"/> reads from it.
    /// The local time and the meaning are unpacked once per candidate, not once per feature.
    /// </summary>
    public static void Fill(FeatureInput input, Span<double> values)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (values.Length != Dimension)
        {
            throw new ArgumentException($"The vector has {Dimension} values, not {values.Length}.", nameof(values));
        }

        var task = input.Task;
        var context = input.Context;
        values[0] = 1.0;
        values[1] = IsOverdue(task, context);
        values[2] = IsDueToday(task, context);
        values[3] = Math.Clamp((context.Now - task.AddedAt).TotalDays, 0.0, AgeCapDays) / AgeCapDays;
        values[4] = (Math.Clamp(task.Priority, 1, 4) - 1) / 3.0;
        var generated = task.Generated;
        var kind = generated?.Kind ?? CandidateKind.Task;
        values[5] = kind == CandidateKind.Advice ? 1.0 : 0.0;
        values[6] = kind == CandidateKind.Insight ? 1.0 : 0.0;
        values[7] = kind == CandidateKind.Reminder ? 1.0 : 0.0;
        values[8] = generated is { ByLanguageModel: true } ? 1.0 : 0.0;
        values[9] = generated is null ? 0.0 : Math.Clamp(generated.Confidence, 0.0, 1.0);
        values[10] = generated is null ? 0.0 : VariantSign(generated.Model, generated.PromptVersion);
        var meaning = values.Slice(MeaningOffset, MeaningCode.Dimensions);
        MeaningCode.Unpack(task.Meaning, meaning);
        var (sin, cos) = Math.SinCos(HourAngle(context));
        for (var i = 0; i < MeaningCode.Dimensions; i++)
        {
            values[InteractionOffset + i] = meaning[i] * sin;
            values[InteractionOffset + MeaningCode.Dimensions + i] = meaning[i] * cos;
        }

        var isTask = generated is null ? 1.0 : 0.0;
        var day = context.Calendar;
        var freeSlot = day?.FreeSlotMinutes is { } slot ? Math.Clamp(slot, 0.0, FreeSlotCapMinutes) / FreeSlotCapMinutes
            : day is null ? 0.0 : 1.0;
        var soon = day?.MinutesToNextEvent is { } minutes ? 1.0 - (Math.Clamp(minutes, 0.0, SoonMinutes) / SoonMinutes) : 0.0;
        values[CalendarOffset] = freeSlot * isTask;
        values[CalendarOffset + 1] = soon * values[7];
        values[CalendarOffset + 2] = day is { BusyNow: true } ? isTask : 0.0;
    }

    private static FeatureDefinition[] CreateDefinitions()
    {
        var definitions = new List<FeatureDefinition>
        {
            new("bias", "Constant 1: the baseline, which sets the expected reward a push is judged by; it changes no ranking.", null, FeatureScope.Bias, At(0)),
            new("is_overdue", "1 if the due time (or, for date-only dues, the due date) is before now in the user's time zone.", null, FeatureScope.Candidate, At(1)),
            new("due_today", "1 if the task is due on the user's local today.", null, FeatureScope.Candidate, At(2)),
            new("task_age_days", "Days since the task was added, capped at 30, divided by 30 (0..1).", null, FeatureScope.Candidate, At(3)),
            new("priority", "Todoist priority 1 (normal) .. 4 (urgent) mapped to 0..1.", null, FeatureScope.Candidate, At(4)),
            new("kind_advice", "1 for an advice written by oO; with kind_insight and kind_reminder the kind one-hot (a task is the baseline, all three 0).", null, FeatureScope.Candidate, At(5)),
            new("kind_insight", "1 for an insight written by oO (something noticed in the person's own history).", null, FeatureScope.Candidate, At(6)),
            new("kind_reminder", "1 for a reminder written by oO (something coming up worth preparing for).", null, FeatureScope.Candidate, At(7)),
            new("written_by_llm", "1 when a language model wrote the candidate, 0 for the rule-based generator and for tasks.", null, FeatureScope.Candidate, At(8)),
            new("confidence", "The generator's confidence in a candidate it wrote (0..1); 0 for tasks.", null, FeatureScope.Candidate, At(9)),
            new("variant_sign", "±1 hashed from (model, prompt version) of a written candidate, so two variants can be told apart; 0 for tasks.", null, FeatureScope.Candidate, At(10)),
        };
        for (var i = 0; i < MeaningCode.Dimensions; i++)
        {
            definitions.Add(new($"meaning_{i}", $"Dimension {i} of the candidate's meaning (from its title, on this host; −1..1, 0 when not yet known).", null, FeatureScope.Candidate, At(MeaningOffset + i)));
        }

        for (var i = 0; i < MeaningCode.Dimensions; i++)
        {
            definitions.Add(new($"meaning_{i}_x_hour_sin", $"meaning_{i} × sin(2π·h/24), h = local hour with minutes as a fraction: with the cosine term, when in the day this meaning is acted on.", null, FeatureScope.Interaction, At(InteractionOffset + i)));
        }

        for (var i = 0; i < MeaningCode.Dimensions; i++)
        {
            definitions.Add(new($"meaning_{i}_x_hour_cos", $"meaning_{i} × cos(2π·h/24).", null, FeatureScope.Interaction, At(InteractionOffset + MeaningCode.Dimensions + i)));
        }

        definitions.Add(new("free_slot_x_task", "Length of the current free slot (minutes until the next busy event, 0 while busy, capped at 240, /240; 1 when none lies ahead) for a source's task; 0 without a calendar and for written candidates.", null, FeatureScope.Interaction, At(CalendarOffset)));
        definitions.Add(new("event_soon_x_reminder", "1 − (minutes until the next busy event, capped at 120)/120 for a reminder; 0 for other kinds and without an event ahead.", null, FeatureScope.Interaction, At(CalendarOffset + 1)));
        definitions.Add(new("busy_now_x_task", "1 for a source's task while the person is in a busy event; 0 otherwise.", null, FeatureScope.Interaction, At(CalendarOffset + 2)));

        if (definitions.Count != Count)
        {
            throw new InvalidOperationException("The feature definitions do not match the layout Fill writes.");
        }

        return [.. definitions];
    }

    // Admin views and tests read one feature at a time; the request path uses Fill for the whole vector.
    private static Func<FeatureInput, double> At(int index) => input =>
    {
        Span<double> values = stackalloc double[Count];
        Fill(input, values);
        return values[index];
    };

    private static double IsOverdue(TaskFacts task, RequestContext context)
    {
        if (task.DueAt is { } dueAt)
        {
            return dueAt < context.Now ? 1.0 : 0.0;
        }

        return task.DueDate is { } dueDate && dueDate < context.LocalToday ? 1.0 : 0.0;
    }

    private static double IsDueToday(TaskFacts task, RequestContext context)
    {
        var today = context.LocalToday;
        if (task.DueAt is { } dueAt)
        {
            var local = TimeZoneInfo.ConvertTime(dueAt, context.TimeZone);
            return DateOnly.FromDateTime(local.DateTime) == today ? 1.0 : 0.0;
        }

        return task.DueDate == today ? 1.0 : 0.0;
    }

    /// <summary>
    /// +1 or −1 from a stable hash (FNV-1a over UTF-8, then MurmurHash3's finalizer) of <paramref name="model"/> and <paramref name="promptVersion"/>:
    /// the same variant always has the same sign, on every host and across restarts. Two variants collide with
    /// probability ½, so it separates a pair under comparison only when their signs differ — an operator comparing two
    /// variants checks that (the admin AI report names both).
    /// </summary>
    public static double VariantSign(string model, string promptVersion)
    {
        const ulong offset = 14695981039346656037UL;
        const ulong prime = 1099511628211UL;
        var hash = offset;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes($"{model}\n{promptVersion}"))
        {
            hash = (hash ^ b) * prime;
        }

        // FNV-1a alone mixes its high bits poorly for inputs that differ in their last bytes: finish with MurmurHash3's fmix64.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return (hash & 1) == 0 ? 1.0 : -1.0;
    }

    /// <summary>2π·h/24 for the local hour h of the request (minutes as a fraction).</summary>
    internal static double HourAngle(RequestContext context) => 2 * Math.PI * context.LocalNow.TimeOfDay.TotalHours / 24.0;
}
