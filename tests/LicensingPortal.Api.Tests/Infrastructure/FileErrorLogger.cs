using Microsoft.Extensions.Logging;

namespace LicensingPortal.Api.Tests.Infrastructure;

/// <summary>Keeps warnings and errors of a test host in its data folder (host.log), to read when a test fails.</summary>
public sealed class FileErrorLoggerProvider(string path) : ILoggerProvider
{
    private readonly object gate = new();
    private bool closed;

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    /// <summary>The host is gone: a line a background thread still logs is dropped (its folder is deleted next).</summary>
    public void Dispose()
    {
        lock (gate)
        {
            closed = true;
        }
    }

    private void Write(string line)
    {
        lock (gate)
        {
            if (closed)
            {
                return;
            }

            try
            {
                File.AppendAllText(path, line + Environment.NewLine);
            }
            catch (DirectoryNotFoundException)
            {
                // The test's data folder was deleted while a thread of its host still logged (a CI run once ended in
                // xunit's "catastrophic failure" on it): a diagnostic line is not worth a failed run.
            }
        }
    }

    private sealed class FileLogger(FileErrorLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write($"{DateTime.UtcNow:O} {logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
