using SupplySim.Calibration;
using SupplySim.Model;

namespace SupplySim.Cli;

/// <summary><c>--posterior DIR</c> of run and backtest: the particles of a calibration, checked against the file's network.</summary>
internal static class PosteriorOption
{
    public const string Name = "--posterior";

    public const string Description = "draw the calibrated parameters of each trial from the posterior in DIR (the --out folder of calibrate)";

    /// <summary>
    /// The posterior the command line names, or null without the option; false (and a message on stderr) when the folder
    /// holds no usable posterior or one fitted to another network.
    /// </summary>
    public static bool TryLoad(VerbArguments cli, CompiledModel model, string path, TextWriter stderr, out Posterior? posterior)
    {
        posterior = null;
        if (cli.Single(Name) is not { } folder)
        {
            return true;
        }

        posterior = PosteriorFile.Read(folder, out string? problem);
        problem ??= posterior!.Mismatch(model.Network) is { } mismatch ? $"the posterior in '{folder}' cannot drive {path}: {mismatch}" : null;
        if (problem is not null)
        {
            stderr.WriteLine($"error: --posterior: {problem}; nothing was run");
            posterior = null;
            return false;
        }

        stderr.WriteLine($"parameters from the posterior in {folder}: {posterior!.Particles} particles, {posterior.ParameterNames.Count} parameter(s)");
        return true;
    }
}
