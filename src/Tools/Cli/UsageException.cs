namespace OO.Tools.Cli;

/// <summary>A mistake in the arguments or inputs the user can fix: printed as one sentence, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
