using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OO.Push;

/// <summary>
/// Keeps the generated VAPID pair in <c>vapid-keys.json</c> in <see cref="PushOptions.KeyDirectory"/>,
/// readable by the service account only: right for one process (the embedded default), wrong for a
/// cluster, where each silo would make its own pair.
/// </summary>
public sealed class FileVapidKeySource(IOptions<PushOptions> options) : IVapidKeySource
{
    /// <summary>The file the generated pair is kept in.</summary>
    public const string FileName = "vapid-keys.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <inheritdoc/>
    public string Location => $"'{Path.Combine(options.Value.KeyDirectory, FileName)}'";

    /// <inheritdoc/>
    public VapidKeys LoadOrCreate() => LoadOrCreate(options.Value.KeyDirectory);

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
