using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OO.Push;

/// <summary>
/// Supplies the server's VAPID key pair. Configured keys (<c>OO:Push:VapidPublicKey</c> and
/// <c>OO:Push:VapidPrivateKey</c>) win; without them the pair is read from
/// <c>vapid-keys.json</c> in <see cref="PushOptions.KeyDirectory"/>, generated and saved there on
/// first start. The pair must stay the same for the life of every subscription made with it:
/// a new pair makes every existing subscription refuse our pushes.
/// </summary>
public sealed class VapidKeyStore
{
    /// <summary>The file the generated pair is kept in.</summary>
    public const string FileName = "vapid-keys.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private readonly PushOptions _options;

    /// <summary>Creates the store over the bound options.</summary>
    public VapidKeyStore(IOptions<PushOptions> options) => _options = options.Value;

    /// <summary>Returns the configured pair, or the stored one, or a newly generated and saved one.</summary>
    /// <exception cref="InvalidOperationException">Only one key is configured, the keys are malformed or not one pair, or the key file is unreadable.</exception>
    public VapidKeys Load()
    {
        var hasPublic = !string.IsNullOrWhiteSpace(_options.VapidPublicKey);
        var hasPrivate = !string.IsNullOrWhiteSpace(_options.VapidPrivateKey);
        if (hasPublic != hasPrivate)
        {
            var missing = hasPublic ? "VapidPrivateKey" : "VapidPublicKey";
            var present = hasPublic ? "VapidPublicKey" : "VapidPrivateKey";
            throw new InvalidOperationException(
                $"{PushOptions.SectionName}:{present} is set but {PushOptions.SectionName}:{missing} is not. Set both keys of the VAPID pair, or neither to use the generated pair in '{_options.KeyDirectory}'.");
        }

        if (hasPublic)
        {
            try
            {
                return VapidKeys.FromBase64Url(_options.VapidPublicKey!, _options.VapidPrivateKey!);
            }
            catch (FormatException exception)
            {
                throw new InvalidOperationException(
                    $"The configured VAPID keys ({PushOptions.SectionName}:VapidPublicKey, {PushOptions.SectionName}:VapidPrivateKey) are unusable: {exception.Message}",
                    exception);
            }
        }

        return LoadOrCreate(_options.KeyDirectory);
    }

    /// <summary>Reads the pair from <paramref name="directory"/>, generating and saving one if there is none.</summary>
    public static VapidKeys LoadOrCreate(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path))
        {
            return Read(path);
        }

        Directory.CreateDirectory(directory);
        var keys = VapidKeys.Generate();
        var json = JsonSerializer.SerializeToUtf8Bytes(new StoredKeys(keys.PublicKey, keys.PrivateKey), JsonOptions);
        var temporary = Path.Combine(directory, $".{FileName}.{Guid.NewGuid():N}.tmp");
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // The private key: readable by the service account only (0600).
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, fileOptions))
        {
            stream.Write(json);
            stream.Flush(flushToDisk: true);
        }

        try
        {
            // Written aside and moved into place, so a reader never sees half a file, and a
            // second process sharing the directory cannot replace the pair already in use.
            File.Move(temporary, path, overwrite: false);
            return keys;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return Read(path);
        }
    }

    private static VapidKeys Read(string path)
    {
        try
        {
            var stored = JsonSerializer.Deserialize<StoredKeys>(File.ReadAllBytes(path))
                ?? throw new FormatException("The file is empty.");
            return VapidKeys.FromBase64Url(stored.PublicKey, stored.PrivateKey);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"The VAPID key file '{path}' is unreadable ({exception.Message}). Restore it from a backup; deleting it makes a new pair and invalidates every push subscription.",
                exception);
        }
    }

    private sealed record StoredKeys(string PublicKey, string PrivateKey);
}
