namespace OO.Push;

/// <summary>
/// A push endpoint's host resolved to an address a push may not reach (see
/// <see cref="PushAddressPolicy"/>). Thrown from the connect step, so no byte is sent; the send
/// ends as <see cref="PushOutcome.Rejected"/> and is not retried.
/// </summary>
public sealed class PushAddressRefusedException : IOException
{
    /// <summary>Creates the exception; the message names no host or address (endpoints are capabilities).</summary>
    public PushAddressRefusedException()
        : base("The push service's host resolves to an address that is not public; nothing was sent.")
    {
    }

    /// <inheritdoc />
    public PushAddressRefusedException(string message)
        : base(message)
    {
    }

    /// <inheritdoc />
    public PushAddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
