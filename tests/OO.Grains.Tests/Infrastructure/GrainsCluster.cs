using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OO.Ai;
using OO.Grains.Analytics;
using OO.Grains.Interfaces.Identity;
using OO.Grains.Interfaces.Integrations;
using OO.Grains.Interfaces.Tasks;
using OO.Grains.Interfaces.Tips;
using OO.Grains.Interfaces.Users;
using OO.Grains.Push;
using OO.Grains.Sources;
using OO.Learning.Meaning;
using OO.Push;
using Orleans.Runtime.Hosting;
using Orleans.Streams;
using Orleans.TestingHost;

namespace OO.Grains.Tests.Infrastructure;

/// <summary>
/// One silo in process with every oO grain, a fake clock for the grains (Orleans' own background loops
/// stay on real time), grain storage that counts writes, in-memory reminders and streams, and a scripted
/// task source. Shared by a test class; each test uses its own user ids.
/// </summary>
public class GrainsCluster : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["OO:Demo:Enabled"] = "false",
        // No written candidates unless a test asks for them (CandidatesCluster): a rule-based insight would join the
        // pool of every user with history, and its answer would reactivate a grain a test had deactivated.
        ["OO:AI:Rules"] = "off",
        ["OO:Integrations:OnDemandSyncAfter"] = "00:00:00",
        ["OO:Integrations:WebhookSyncDelay"] = "00:00:00",
        ["OO:Integrations:CloseRetryBaseDelay"] = "00:00:10",
        ["OO:Integrations:CloseRetryMaxDelay"] = "00:01:00",
        ["OO:Integrations:OutboxRetryBaseDelay"] = "00:00:10",
        ["OO:Integrations:OutboxRetryMaxDelay"] = "00:01:00",
        ["OO:Integrations:ProviderCallTimeout"] = "00:00:05",
        ["OO:Integrations:MaxTasksPerSource"] = "50",
        ["OO:Integrations:MaxTitleLength"] = "100",
        ["OO:Integrations:MeaningTimeout"] = "00:00:02",
        // A push is worth it exactly when the expected reward is above 0, before the profile moves the threshold.
        ["OO:Push:DefaultInterruptThreshold"] = "0",
        ["OO:Push:MinInterruptThreshold"] = "-1",
        // Tests share one cluster: a prior pooled from earlier tests' rewards would make later ones depend on order.
        ["OO:Learning:Population:Enabled"] = "false",
    };

    private readonly IReadOnlyDictionary<string, string?> _overrides;
    private readonly Action<ISiloBuilder>? _configure;
    private InProcessTestCluster? _cluster;

    public GrainsCluster()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>
    /// A cluster whose configuration differs from the default in <paramref name="overrides"/>, with
    /// <paramref name="configure"/> run last on the silo (for a fixture of its own).
    /// </summary>
    protected GrainsCluster(IReadOnlyDictionary<string, string?> overrides, Action<ISiloBuilder>? configure = null)
    {
        _overrides = overrides;
        _configure = configure;
    }

    /// <summary>The grains' clock. Orleans pumps streams on it too, so waiting means advancing it (see <see cref="Until"/>).</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public IGrainFactory Grains => Cluster.Client;

    public CountingGrainStorage Storage => Silo<CountingGrainStorage>();

    public ScriptedTaskSource Source => Silo<ScriptedTaskSource>();

    public RecordingAnalyticsSink Analytics => Silo<RecordingAnalyticsSink>();

    public ScriptedTextMeaning Meaning => Silo<ScriptedTextMeaning>();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = "oo-grains-tests";
        builder.ConfigureSiloHost((_, host) => host.Configuration.AddInMemoryCollection(Settings).AddInMemoryCollection(_overrides));
        builder.ConfigureSilo((_, silo) =>
        {
            var services = silo.Services;
            services.AddSingleton(Clock);
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(sp => sp.GetRequiredService<FakeTimeProvider>()));
            // Orleans' membership, directory and reminder loops keep real time, so advancing the clock never spins them.
            services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            // Grains that read the product's keyed grain clock ("oo-grains") read the same fake one.
            services.AddKeyedSingleton<TimeProvider>("oo-grains", (sp, _) => sp.GetRequiredService<FakeTimeProvider>());

            services.AddSingleton<CountingGrainStorage>();
            services.AddGrainStorage(StorageNames.Default, (sp, _) => sp.GetRequiredService<CountingGrainStorage>());
            silo.UseInMemoryReminderService();
            silo.AddMemoryStreams(TaskStreams.Provider, streams => streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));

            services.AddSingleton<ScriptedTextMeaning>();
            services.AddSingleton<ITextMeaning>(sp => sp.GetRequiredService<ScriptedTextMeaning>());
            services.AddOOGrainServices();
            services.AddOOAi();
            services.AddSingleton<ScriptedTaskSource>();
            services.AddSingleton<ITaskSource>(sp => sp.GetRequiredService<ScriptedTaskSource>());
            services.AddSingleton<RecordingAnalyticsSink>();
            services.AddSingleton<IAnalyticsSink>(sp => sp.GetRequiredService<RecordingAnalyticsSink>());
            services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
            services.AddOptions<PushOptions>().BindConfiguration(PushOptions.SectionName);
            _configure?.Invoke(silo);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>A new user, created as a sign-in creates one.</summary>
    public async Task<IUserGrain> NewUserAsync()
    {
        var login = $"dev:{Guid.NewGuid():N}@example.com";
        var id = await Grains.GetGrain<IIdentityGrain>(login).GetOrCreateUserId();
        var user = Grains.GetGrain<IUserGrain>(id);
        Assert.NotNull(await user.EnsureCreated(login[4..], login));
        return user;
    }

    /// <summary>Connects the scripted source through the authorization round trip; the account id is the user id.</summary>
    public async Task<ScriptedAccount> ConnectAsync(IUserGrain user)
    {
        var userId = user.GetPrimaryKeyString();
        var account = Source.Account(userId);
        var redirect = "https://oo.example/api/integrations/scripted/callback";
        var url = await Grains.GetIntegrationGrain(userId, ScriptedTaskSource.ProviderName).BeginAuthorization(redirect);
        var state = Uri.UnescapeDataString(new Uri(url!).Query.Split('&')[0].Split('=')[1]);
        Assert.Equal(Interfaces.Integrations.AuthorizationOutcome.Granted, await user.CompleteConnect(ScriptedTaskSource.ProviderName, userId, state, redirect));
        return account;
    }

    /// <summary>
    /// A new user with the scripted source connected and synced once; <paramref name="arrange"/> sets up
    /// the account (tasks, token lifetime) before connecting.
    /// </summary>
    public async Task<(IUserGrain User, ScriptedAccount Account, IIntegrationGrain Integration)> NewSyncedUserAsync(Action<ScriptedAccount>? arrange = null)
    {
        var user = await NewUserAsync();
        var account = Source.Account(user.GetPrimaryKeyString());
        arrange?.Invoke(account);
        await ConnectAsync(user);
        var integration = Integration(user);
        await Until(async () => (await integration.GetStatus()).SyncCount >= 1, "the first sync");
        return (user, account, integration);
    }

    /// <summary>The user's tip, once one can be served (the clock advances while waiting, as in <see cref="Until"/>).</summary>
    public async Task<Tip> NextTipAsync(IUserGrain user)
    {
        Tip? tip = null;
        await Until(async () => (tip = await user.GetTip()) is not null, "a tip");
        return tip!;
    }

    public IIntegrationGrain Integration(IUserGrain user) =>
        Grains.GetIntegrationGrain(user.GetPrimaryKeyString(), ScriptedTaskSource.ProviderName);

    /// <summary>
    /// Waits for <paramref name="condition"/>, advancing the fake clock a little each time (the stream that
    /// carries snapshots is pumped on it). Fails with <paramref name="what"/> after five minutes of fake time.
    /// </summary>
    public async Task Until(Func<Task<bool>> condition, string what)
    {
        for (var step = 0; step < 3000; step++)
        {
            if (await condition())
            {
                return;
            }

            Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }

        throw new TimeoutException($"Never saw {what}.");
    }

    public Task Until(Func<bool> condition, string what) => Until(() => Task.FromResult(condition()), what);

    /// <summary>Moves the clock on by <paramref name="by"/>, in steps, letting due timers and streams run in between.</summary>
    public async Task Advance(TimeSpan by)
    {
        var step = TimeSpan.FromSeconds(1);
        for (var moved = TimeSpan.Zero; moved < by; moved += step)
        {
            Clock.Advance(step);
            await Task.Delay(TimeSpan.FromMilliseconds(5));
        }
    }

    /// <summary>A silo-local service, as the grains see it.</summary>
    public T Silo<T>() where T : notnull => Cluster.GetSiloServiceProvider().GetRequiredService<T>();
}
