namespace OO.Silo.Configuration;

/// <summary>Configuration that cannot work; the message is one sentence naming the key.</summary>
public sealed class OOConfigurationException(string message) : Exception(message);
