using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using SupplySim.Scenario;

namespace SupplySim.Model;

/// <summary>
/// Checks the <c>correlations:</c> section (SS0124): per-trial uncertain parameters of the file, once each; a square
/// matrix, one row and column per parameter, entries in [−1, 1], a unit diagonal, symmetric, and positive definite.
/// </summary>
internal static class CorrelationCompiler
{
    public static ParameterCorrelations? Compile(CorrelationDocument? document, CompiledNetwork network, DiagnosticBag diagnostics)
    {
        if (document is null)
        {
            return null;
        }

        int errors = diagnostics.Items.Count(d => d.Severity == Severity.Error);
        var table = network.Parameters;
        var names = new List<string>();
        var targets = new List<int[]>();
        var perTrial = Enumerable.Range(0, table.Count).Where(p => table.IsPerTrial[p] && table.Kind[p] != DistributionKind.Fixed)
            .Select(p => table.Names[p]).Distinct().ToList();
        foreach (var path in document.Parameters)
        {
            int[] found = [.. Enumerable.Range(0, table.Count).Where(p => table.Names[p] == path.Value && table.IsPerTrial[p] && table.Kind[p] != DistributionKind.Fixed)];
            if (names.Contains(path.Value))
            {
                diagnostics.Error("SS0124", path.Location, $"correlations: '{path.Value}' is listed twice");
            }
            else if (found.Length == 0)
            {
                diagnostics.Error("SS0124", path.Location, table.Names.Contains(path.Value)
                    ? $"correlations: '{path.Value}' is not uncertain per trial (a fixed value or a per-use duration); only distributions drawn once per trial can be correlated"
                    : $"correlations: '{path.Value}' is not a parameter of this file{Suggest.Hint(path.Value, perTrial)}");
            }

            names.Add(path.Value);
            targets.Add(found);
        }

        int k = document.Parameters.Count;
        if (k < 2)
        {
            diagnostics.Error("SS0124", document.Location, $"correlations: need at least two parameters, got {k}");
        }

        var matrix = new double[k, k];
        if (document.Matrix.Count != k || document.Matrix.Any(row => row.Count != k))
        {
            int bad = document.Matrix.FindIndex(row => row.Count != k);
            diagnostics.Error("SS0124", document.MatrixLocation, document.Matrix.Count != k
                ? $"correlations: the matrix has {document.Matrix.Count} rows; expected {k}, one per parameter"
                : $"correlations: row {bad + 1} of the matrix has {document.Matrix[bad].Count} entries; expected {k}, one per parameter");
            return null;
        }

        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                if (document.Matrix[i][j] is not { } cell)
                {
                    continue;
                }

                matrix[i, j] = cell.Value;
                if (cell.Value is < -1 or > 1)
                {
                    diagnostics.Error("SS0124", cell.Location, $"correlations: row {i + 1}, column {j + 1} is {Text(cell.Value)}; a correlation is in [-1, 1]");
                }
                else if (i == j && cell.Value != 1)
                {
                    diagnostics.Error("SS0124", cell.Location, $"correlations: the diagonal must be 1 (a parameter with itself), row {i + 1} is {Text(cell.Value)}");
                }
                else if (j < i && document.Matrix[j][i] is { } mirror && mirror.Value != cell.Value)
                {
                    diagnostics.Error("SS0124", cell.Location, $"correlations: the matrix must be symmetric: row {i + 1}, column {j + 1} is " +
                                                               $"{Text(cell.Value)} but row {j + 1}, column {i + 1} is {Text(mirror.Value)}");
                }
            }
        }

        if (diagnostics.Items.Count(d => d.Severity == Severity.Error) > errors)
        {
            return null;
        }

        var target = Matrix<double>.Build.DenseOfArray(matrix);
        double smallest = target.Evd(Symmetricity.Symmetric).EigenValues.Min(e => e.Real);
        if (!(smallest > 1e-10))
        {
            diagnostics.Error("SS0124", document.MatrixLocation, $"correlations: the matrix is not positive definite (its smallest eigenvalue is " +
                                                                 $"{smallest.ToString("G3", CultureInfo.InvariantCulture)}): some of its correlations contradict each other, " +
                                                                 "e.g. a with b and b with c both strong while a with c is weak or negative");
            return null;
        }

        // Normal scores with Pearson correlation 2 sin(πρ/6) have rank correlation ρ; keep ρ itself if that is not positive definite.
        var scores = target.Map(rho => 2 * Math.Sin(Math.PI * rho / 6));
        scores.SetDiagonal(Enumerable.Repeat(1.0, k).ToArray());
        bool adjusted = scores.Evd(Symmetricity.Symmetric).EigenValues.Min(e => e.Real) > 1e-10;
        var factor = (adjusted ? scores : target).Cholesky().Factor;
        var cholesky = new double[k * k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                cholesky[(i * k) + j] = factor[i, j];
            }
        }

        return new ParameterCorrelations(names, [.. targets], matrix, cholesky);
    }

    private static string Text(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
