namespace OO.Push.Tests;

public sealed class VapidKeysTests
{
    [Fact]
    public void Generated_pair_exports_raw_base64url_and_imports_back()
    {
        var keys = VapidKeys.Generate();

        var imported = VapidKeys.FromBase64Url(keys.PublicKey, keys.PrivateKey + "=");

        Assert.Equal(87, keys.PublicKey.Length);
        Assert.Equal(43, keys.PrivateKey.Length);
        Assert.DoesNotContain('=', keys.PublicKey);
        Assert.Equal(0x04, keys.PublicKeyBytes[0]);
        Assert.Equal(keys.PublicKey, imported.PublicKey);
        Assert.Equal(keys.PrivateKey, imported.PrivateKey);
    }

    [Fact]
    public void Keys_of_two_different_pairs_are_refused()
    {
        var one = VapidKeys.Generate();
        var other = VapidKeys.Generate();

        var error = Assert.Throws<FormatException>(() => VapidKeys.FromBase64Url(one.PublicKey, other.PrivateKey));

        Assert.Contains("do not form one key pair", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_key_of_the_wrong_length_is_refused()
    {
        var keys = VapidKeys.Generate();

        var error = Assert.Throws<FormatException>(() => VapidKeys.FromBase64Url(keys.PrivateKey, keys.PrivateKey));

        Assert.Contains("65-byte", error.Message, StringComparison.Ordinal);
    }
}
