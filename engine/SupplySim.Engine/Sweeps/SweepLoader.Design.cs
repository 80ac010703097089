using SupplySim.Scenario;
using SupplySim.Statistics.Sensitivity;

namespace SupplySim.Sweeps;

/// <summary>The <c>design:</c> section and the generation of its points.</summary>
public static partial class SweepLoader
{
    internal static readonly Dictionary<string, (DesignKind Kind, string[] Keys)> Designs = new(StringComparer.Ordinal)
    {
        ["grid"] = (DesignKind.Grid, ["type", "levels"]),
        ["lhs"] = (DesignKind.Lhs, ["type", "samples"]),
        ["sobol"] = (DesignKind.Sobol, ["type", "samples", "bootstrap"]),
        ["saltelli"] = (DesignKind.Sobol, ["type", "samples", "bootstrap"]),
        ["morris"] = (DesignKind.Morris, ["type", "trajectories", "levels", "bootstrap"]),
        ["oat"] = (DesignKind.Oat, ["type"]),
    };

    private static DesignSettings? ReadDesign(YamlMapReader reader, List<SweepParameter> parameters, DiagnosticBag diagnostics)
    {
        if (reader.Map("design", required: true) is not { } map)
        {
            return null;
        }

        var r = new YamlMapReader(map, reader.File, diagnostics);
        if (r.Choice("type", Designs.Keys, required: true) is not { } type)
        {
            return null;
        }

        var (kind, keys) = Designs[type.Value];
        r.ReportUnknownKeys(keys, $"a {type.Value} design");
        int levels = Whole(r, "levels", 2, 1000) ?? (kind == DesignKind.Morris ? 4 : 3);
        int samples = Whole(r, "samples", 2, MaxPoints) ?? (kind == DesignKind.Sobol ? 64 : 100);
        int trajectories = Whole(r, "trajectories", 2, MaxPoints) ?? 10;
        int bootstrap = Whole(r, "bootstrap", 0, 100_000) ?? SobolEstimator.DefaultBootstrap;
        if (kind == DesignKind.Morris && levels % 2 != 0)
        {
            diagnostics.Error("SS0308", r.KeyLocation("levels"), $"Morris levels must be even (so every step has the same size), was {levels}");
        }

        if (kind == DesignKind.Sobol && 2 * parameters.Count > SobolSequence.MaxDimensions)
        {
            diagnostics.Error("SS0308", type.Location, $"a sobol design takes at most {SobolSequence.MaxDimensions / 2} parameters, got {parameters.Count}");
        }

        if (kind == DesignKind.Sobol && (samples & (samples - 1)) != 0)
        {
            diagnostics.Warning("SS0308", r.KeyLocation("samples"), $"samples = {samples} is not a power of two; Sobol points are balanced only at powers of two");
        }

        if (kind == DesignKind.Oat && parameters.Exists(p => p.ValueCount is not null))
        {
            diagnostics.Error("SS0308", type.Location, "an oat design needs ranges or distributions, not value lists");
        }

        if (parameters.Count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Error("SS0308", type.Location, "a sweep needs at least one parameter");
        }

        return new DesignSettings(kind, levels, samples, trajectories, bootstrap);
    }

    private static double[][]? Points(DesignSettings design, List<SweepParameter> parameters, ulong seed, SourceLocation at, DiagnosticBag diagnostics)
    {
        int k = parameters.Count;
        long count = design.Kind switch
        {
            DesignKind.Grid => parameters.Aggregate(1L, (n, p) => Math.Min((long)MaxPoints + 1, n * (p.ValueCount ?? design.Levels))),
            DesignKind.Lhs => design.Samples,
            DesignKind.Sobol => (long)design.Samples * SaltelliDesign.BlockSize(k),
            DesignKind.Morris => (long)design.Trajectories * (k + 1),
            _ => 1 + (2L * k),
        };
        if (count > MaxPoints)
        {
            diagnostics.Error("SS0308", at, $"the design has {count} points, more than {MaxPoints}; use fewer levels or samples");
            return null;
        }

        return design.Kind switch
        {
            DesignKind.Grid => FullFactorialDesign.Generate([.. parameters.Select(p => p.ValueCount ?? design.Levels)]),
            DesignKind.Lhs => LatinHypercubeDesign.Generate(design.Samples, k, seed),
            DesignKind.Sobol => SaltelliDesign.Generate(design.Samples, k),
            DesignKind.Morris => MorrisDesign.Generate(design.Trajectories, k, design.Levels, seed),
            _ => OneAtATimeDesign.Generate(k),
        };
    }
}
