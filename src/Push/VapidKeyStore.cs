using Microsoft.Extensions.Options;

namespace OO.Push;

/// <summary>
/// Supplies the server's VAPID key pair. Configured keys (<c>OO:Push:VapidPublicKey</c> and
/// <c>OO:Push:VapidPrivateKey</c>) win; without them the pair comes from the host's
/// <see cref="IVapidKeySource"/> (by default <see cref="FileVapidKeySource"/>: <c>vapid-keys.json</c>
/// in <see cref="PushOptions.KeyDirectory"/>, generated and saved there on first start). The pair must
/// stay the same for the life of every subscription made with it: a new pair makes every existing
/// subscription refuse our pushes.
/// </summary>
public sealed class VapidKeyStore
{
    /// <summary>The file the generated pair is kept in by <see cref="FileVapidKeySource"/>.</summary>
    public const string FileName = FileVapidKeySource.FileName;

    private readonly PushOptions _options;
    private readonly IVapidKeySource _generated;

    /// <summary>Creates the store over the bound options, keeping a generated pair in <see cref="PushOptions.KeyDirectory"/>.</summary>
    public VapidKeyStore(IOptions<PushOptions> options)
        : this(options, new FileVapidKeySource(options))
    {
    }

    /// <summary>Creates the store over the bound options, keeping a generated pair in <paramref name="generated"/>.</summary>
    public VapidKeyStore(IOptions<PushOptions> options, IVapidKeySource generated)
    {
        _options = options.Value;
        _generated = generated;
    }

    /// <summary>Returns the configured pair, or the stored one, or a newly generated and saved one.</summary>
    /// <exception cref="InvalidOperationException">Only one key is configured, the keys are malformed or not one pair, or the stored pair is unreadable.</exception>
    public VapidKeys Load()
    {
        var hasPublic = !string.IsNullOrWhiteSpace(_options.VapidPublicKey);
        var hasPrivate = !string.IsNullOrWhiteSpace(_options.VapidPrivateKey);
        if (hasPublic != hasPrivate)
        {
            var missing = hasPublic ? "VapidPrivateKey" : "VapidPublicKey";
            var present = hasPublic ? "VapidPublicKey" : "VapidPrivateKey";
            throw new InvalidOperationException(
                $"{PushOptions.SectionName}:{present} is set but {PushOptions.SectionName}:{missing} is not. Set both keys of the VAPID pair, or neither to use the generated pair in {_generated.Location}.");
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

        return _generated.LoadOrCreate();
    }

    /// <summary>Reads the pair from <paramref name="directory"/>, generating and saving one if there is none.</summary>
    public static VapidKeys LoadOrCreate(string directory) => FileVapidKeySource.LoadOrCreate(directory);
}
