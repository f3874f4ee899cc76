namespace OO.Grains.Interfaces.Users;

/// <summary>A state-changing call reached a user id whose account was deleted; nothing was changed.</summary>
[GenerateSerializer, Alias("oo.UserDeletedException")]
public sealed class UserDeletedException : Exception
{
    public UserDeletedException()
        : base("This account was deleted.")
    {
    }

    public UserDeletedException(string message)
        : base(message)
    {
    }

    public UserDeletedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
