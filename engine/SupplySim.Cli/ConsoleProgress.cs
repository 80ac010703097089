using System.Diagnostics;

namespace SupplySim.Cli;

/// <summary>
/// Progress with ETA on stderr, only when both stdout and stderr are terminals and CI is not set (quiet when piped
/// or in CI), and only once a run has taken more than a second. Safe to report from worker threads.
/// </summary>
internal sealed class ConsoleProgress : IDisposable
{
    private readonly TextWriter _stderr;
    private readonly long _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private long _lastDrawMs = -1;
    private bool _drawn;

    private ConsoleProgress(TextWriter stderr, long total)
    {
        _stderr = stderr;
        _total = total;
    }

    /// <summary>A reporter for <paramref name="total"/> trials, or null when progress should not be shown.</summary>
    public static ConsoleProgress? Create(TextWriter stderr, long total)
    {
        bool terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected && !Console.IsOutputRedirected;
        bool ci = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        return terminal && !ci && total > 0 ? new ConsoleProgress(stderr, total) : null;
    }

    /// <summary>A sink for one scenario's progress, counting on from <paramref name="before"/> trials already done.</summary>
    public IProgress<int> For(long before) => new Sink(this, before);

    public void Dispose()
    {
        lock (_lock)
        {
            if (_drawn)
            {
                _stderr.Write("\r" + new string(' ', 72) + "\r");
                _stderr.Flush();
            }
        }
    }

    private void Report(long done)
    {
        long elapsedMs = _clock.ElapsedMilliseconds;
        lock (_lock)
        {
            if (elapsedMs < 1000 || elapsedMs - _lastDrawMs < 250)
            {
                return;
            }

            _lastDrawMs = elapsedMs;
            double share = Math.Clamp(done / (double)_total, 0, 1);
            double remaining = share > 0 ? elapsedMs / 1000.0 * (1 - share) / share : 0;
            _stderr.Write($"\rsimulating: {share,6:0.0%} of {_total:#,0} trials, ETA {remaining,5:0} s   ");
            _stderr.Flush();
            _drawn = true;
        }
    }

    private sealed class Sink(ConsoleProgress owner, long before) : IProgress<int>
    {
        public void Report(int value) => owner.Report(before + value);
    }
}
