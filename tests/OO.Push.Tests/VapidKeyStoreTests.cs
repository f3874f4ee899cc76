using Microsoft.Extensions.Options;

namespace OO.Push.Tests;

public sealed class VapidKeyStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "oo-push-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Without_configured_keys_a_pair_is_generated_once_and_reloaded_after_a_restart()
    {
        var first = Store(new PushOptions { KeyDirectory = _directory }).Load();
        var file = Path.Combine(_directory, VapidKeyStore.FileName);
        var writtenAt = File.GetLastWriteTimeUtc(file);

        var afterRestart = Store(new PushOptions { KeyDirectory = _directory }).Load();

        Assert.Equal(first.PublicKey, afterRestart.PublicKey);
        Assert.Equal(first.PrivateKey, afterRestart.PrivateKey);
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public async Task Silos_starting_together_on_one_directory_end_up_with_one_pair()
    {
        var loads = Enumerable.Range(0, 8).Select(_ => Task.Run(() => VapidKeyStore.LoadOrCreate(_directory)));

        var pairs = await Task.WhenAll(loads);

        var stored = VapidKeyStore.LoadOrCreate(_directory);
        Assert.All(pairs, p => Assert.Equal(stored.PublicKey, p.PublicKey));
        Assert.Equal([VapidKeyStore.FileName], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void The_generated_key_file_is_readable_by_its_owner_only()
    {
        // xUnit v2 cannot skip at run time; Windows has no Unix modes to check.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Store(new PushOptions { KeyDirectory = _directory }).Load();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, VapidKeyStore.FileName)));
    }

    [Fact]
    public void Configured_keys_win_and_nothing_is_written()
    {
        var configured = VapidKeys.Generate();

        var loaded = Store(new PushOptions { KeyDirectory = _directory, VapidPublicKey = configured.PublicKey, VapidPrivateKey = configured.PrivateKey }).Load();

        Assert.Equal(configured.PublicKey, loaded.PublicKey);
        Assert.False(Directory.Exists(_directory));
    }

    [Fact]
    public void Only_one_configured_key_is_a_clear_error()
    {
        var configured = VapidKeys.Generate();

        var error = Assert.Throws<InvalidOperationException>(() =>
            Store(new PushOptions { KeyDirectory = _directory, VapidPublicKey = configured.PublicKey }).Load());

        Assert.Contains("OO:Push:VapidPublicKey is set but OO:Push:VapidPrivateKey is not", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_keys_that_are_not_one_pair_are_a_clear_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Store(new PushOptions
        {
            KeyDirectory = _directory,
            VapidPublicKey = VapidKeys.Generate().PublicKey,
            VapidPrivateKey = VapidKeys.Generate().PrivateKey,
        }).Load());

        Assert.Contains("do not form one key pair", error.Message, StringComparison.Ordinal);
    }

    private static VapidKeyStore Store(PushOptions options) => new(Options.Create(options));
}
