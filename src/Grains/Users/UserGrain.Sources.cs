using OO.Grains.Interfaces.Integrations;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Users;

namespace OO.Grains.Users;

/// <summary>Sources: connecting and disconnecting them, their tokens, and the task snapshots they publish.</summary>
public sealed partial class UserGrain
{
    async Task<IReadOnlyList<IntegrationStatus>> IUserGrain.GetIntegrations() =>
        await Task.WhenAll(State.Integrations.Order(StringComparer.Ordinal).Select(p => Integration(p).GetStatus()));

    async Task<bool> IUserGrain.Disconnect(string provider)
    {
        if (!State.Integrations.Remove(provider))
        {
            return false;
        }

        // Forgotten here and promised to the provider in one write; the revoke itself may take its time.
        State.Sources.Remove(provider);
        // Its reminders carry event titles: they go with the calendar, not when the event starts.
        State.Candidates.RemoveAll(c => CalendarReminders.IsFrom(c, provider));
        if (State.IntegrationTokens.Remove(provider, out var tokens))
        {
            PromiseRevoke(provider, tokens);
        }

        await state.WriteStateAsync();
        analytics.UserDirectory(Analytics.UserDirectoryChange.Disconnected(UserId, provider, time.GetUtcNow()));
        await Integration(provider).Disconnect();
        await ArmOutbox();
        return true;
    }

    Task IUserGrain.ApplySnapshot(TaskSnapshot snapshot) => ApplySnapshotCore(snapshot);

    async Task<AuthorizationOutcome> IUserGrain.CompleteConnect(string provider, string code, string stateValue, string redirectUri)
    {
        var grant = await Integration(provider).CompleteAuthorization(code, stateValue, redirectUri);
        if (grant is not { Outcome: AuthorizationOutcome.Granted, ProtectedTokens: { } protectedTokens })
        {
            return grant.Outcome;
        }

        State.IntegrationTokens[provider] = protectedTokens;
        State.Integrations.Add(provider);
        await state.WriteStateAsync();
        analytics.UserDirectory(Analytics.UserDirectoryChange.Connected(UserId, provider, time.GetUtcNow()));
        await Integration(provider).Connect();
        return AuthorizationOutcome.Granted;
    }

    Task<string?> IUserGrain.GetIntegrationTokens(string provider) => Task.FromResult(State.IntegrationTokens.GetValueOrDefault(provider));

    async Task IUserGrain.IntegrationTokensRefreshed(string provider, string protectedTokens)
    {
        if (State.Integrations.Contains(provider))
        {
            State.IntegrationTokens[provider] = protectedTokens;
            await state.WriteStateAsync();
        }
    }

    private async Task ApplySnapshotCore(TaskSnapshot snapshot)
    {
        // A snapshot still in flight when its source was disconnected (or the account deleted) must not bring it back.
        if (!Exists || !State.Integrations.Contains(snapshot.Source))
        {
            return;
        }

        if (State.Sources.TryGetValue(snapshot.Source, out var known) && known.Version >= snapshot.Version)
        {
            return;
        }

        if (known is not null && known.OmittedCount == snapshot.OmittedCount && known.Tasks.SequenceEqual(snapshot.Tasks)
            && known.Entries.SequenceEqual(snapshot.Entries))
        {
            // The same tasks again (a source re-read after its grain was collected): nothing to store.
            // The version stays in memory only; the next real change writes it.
            known.Version = snapshot.Version;
            SnapshotApplied();
            return;
        }

        var now = time.GetUtcNow();
        var reportedNow = snapshot.Tasks.Select(t => t.SourceRef).ToHashSet(StringComparer.Ordinal);
        if (known is not null)
        {
            // Shown, not reacted to, and gone from its source since: the person did it there.
            foreach (var shown in State.Served.Where(s =>
                s.Tip.Source == snapshot.Source && !s.HasOutcome && now - s.Tip.ServedAt <= CompletionWindow
                && known.Tasks.Any(t => t.SourceRef == s.Tip.SourceRef) && !reportedNow.Contains(s.Tip.SourceRef)).ToList())
            {
                await CompleteInSource(shown, now);
            }
        }

        State.Sources[snapshot.Source] = new SourceTasks
        {
            Version = snapshot.Version,
            TakenAt = snapshot.TakenAt,
            Tasks = [.. snapshot.Tasks],
            OmittedCount = snapshot.OmittedCount,
            Entries = [.. snapshot.Entries],
        };

        // A task done here stays hidden only until its source stops reporting it.
        var reported = State.Sources.SelectMany(s => s.Value.Tasks.Select(t => Key(s.Key, t.SourceRef))).ToHashSet();
        foreach (var key in State.HiddenUntil.Where(h => h.Value <= now || !reported.Contains(h.Key)).Select(h => h.Key).ToList())
        {
            State.HiddenUntil.Remove(key);
        }

        await state.WriteStateAsync();
        if (snapshot.Entries.Count > 0)
        {
            PublishCalendarSynced(snapshot);
        }
        else
        {
            PublishSynced(snapshot);
        }
        await RefreshProfileIfDue(now);
        SnapshotApplied();
    }
}
