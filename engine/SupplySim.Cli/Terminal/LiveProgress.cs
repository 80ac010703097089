using Spectre.Console;
using Spectre.Console.Rendering;

namespace SupplySim.Cli;

/// <summary>
/// Live progress on stderr with Spectre.Console (bar, share, trials per second, ETA) for runs and sweeps, on a
/// decorated terminal only (<see cref="TerminalOutput"/>); elsewhere the work runs without it. Workers report from
/// any thread.
/// </summary>
internal static class LiveProgress
{
    /// <summary>
    /// Runs <paramref name="work"/>, which receives a factory of progress sinks: <c>sink(before)</c> counts a part's
    /// completed units on from <c>before</c> already done (null when progress is not shown).
    /// </summary>
    public static T Run<T>(TextWriter stderr, string description, string unit, long total, Func<Func<long, IProgress<int>?>, T> work)
    {
        if (total <= 0 || !TerminalOutput.Decorated(stderr))
        {
            return work(_ => null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(unit), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(description, maxValue: total);
                return work(before => new Sink(task, before));
            });
    }

    private sealed class Sink(ProgressTask task, long before) : IProgress<int>
    {
        public void Report(int value) => task.Value = before + value;
    }

    /// <summary>Units per second, as the task measures them.</summary>
    private sealed class RateColumn(string unit) : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is double speed ? $"{speed:#,0} {unit}/s" : $"- {unit}/s");
    }
}
