namespace OO.Grains.Interfaces.Integrations;

/// <summary>How an authorization callback ended.</summary>
[GenerateSerializer]
public enum AuthorizationOutcome
{
    /// <summary>The code was exchanged; the grant carries the encrypted tokens.</summary>
    Granted = 0,

    /// <summary>The state was missing, unknown, expired or already used: nothing happened.</summary>
    InvalidState = 1,

    /// <summary>The provider refused the code (expired, used, or not ours).</summary>
    Refused = 2,

    /// <summary>The provider could not be reached or asked to slow down; the user may try again.</summary>
    Unavailable = 3,

    /// <summary>The provider is not offered on this server or needs no authorization.</summary>
    NotOffered = 4,
}
