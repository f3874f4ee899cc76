using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OO.Testing;

/// <summary>
/// A logger provider that keeps every entry at every level, message and structured values, so a
/// test can prove what is never written (an endpoint, a token).
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    /// <summary>Every entry so far: category, formatted message, each structured value and the exception.</summary>
    public IReadOnlyList<string> Entries => [.. _entries];

    /// <summary>The entries that contain <paramref name="text"/>, ignoring case.</summary>
    public IReadOnlyList<string> Containing(string text) =>
        [.. _entries.Where(e => e.Contains(text, StringComparison.OrdinalIgnoreCase))];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            entries.Enqueue($"{category} scope: {Describe(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue($"{category} [{logLevel}] {formatter(state, exception)} | {Describe(state)} | {exception}");

        private static string Describe<TState>(TState state) =>
            state is IEnumerable<KeyValuePair<string, object?>> values
                ? string.Join("; ", values.Select(v => $"{v.Key}={v.Value}"))
                : state?.ToString() ?? "";
    }
}
