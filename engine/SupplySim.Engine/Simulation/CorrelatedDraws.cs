using SupplySim.Model;

namespace SupplySim.Simulation;

/// <summary>
/// Per-trial values of correlated parameters, by Iman and Conover's (1982) method, in blocks of
/// <see cref="BlockTrials"/> consecutive trials: each trial of a block draws every correlated parameter from its own
/// stream (exactly the values an uncorrelated run draws), and the values are then re-paired across the block's trials
/// so that their ranks follow normal scores with the target correlation. A parameter's values in a block are the same
/// multiset as without correlations, so its marginal is unchanged; a trial's values depend only on its block, never on
/// the trial count, the width or the thread. One instance per kernel: it keeps the last block it built.
/// </summary>
internal sealed class CorrelatedDraws(ParameterTable table, ParameterCorrelations correlations)
{
    /// <summary>Trials re-paired together.</summary>
    public const int BlockTrials = 1024;

    private readonly int _k = correlations.Count;
    private readonly double[] _values = new double[BlockTrials * correlations.Count];
    private long _block = -1;
    private ulong _seed;

    public ParameterCorrelations Correlations => correlations;

    /// <summary>Trial <paramref name="trial"/>'s value of correlated parameter <paramref name="column"/>.</summary>
    public double Value(ulong seed, long trial, int column)
    {
        long block = trial / BlockTrials;
        if (block != _block || seed != _seed)
        {
            Build(seed, block);
        }

        return _values[((int)(trial - (block * BlockTrials)) * _k) + column];
    }

    private void Build(ulong seed, long block)
    {
        long first = block * BlockTrials;
        var scores = Scores(seed, block);
        var order = new int[BlockTrials];
        var sorted = new double[BlockTrials];
        for (int j = 0; j < _k; j++)
        {
            int p = correlations.Targets[j][0];
            for (int i = 0; i < BlockTrials; i++)
            {
                var rng = Rng.ForStream(seed, first + i, table.StreamKey[p]);
                sorted[i] = Sampler.Sample(table, p, ref rng);
                order[i] = i;
            }

            Array.Sort(sorted);
            // The trial with the r-th smallest score gets the r-th smallest value.
            Array.Sort(order, (a, b) => scores[(a * _k) + j].CompareTo(scores[(b * _k) + j]) is var c && c != 0 ? c : a.CompareTo(b));
            for (int r = 0; r < BlockTrials; r++)
            {
                _values[(order[r] * _k) + j] = sorted[r];
            }
        }

        _block = block;
        _seed = seed;
    }

    /// <summary>
    /// Van der Waerden scores Φ⁻¹(i / (n + 1)), independently permuted per parameter, then transformed so that their
    /// sample correlation is exactly the target's: T = S (F⁻¹)ᵀ Pᵀ, with F F ᵀ the scores' own correlation and P Pᵀ the target.
    /// </summary>
    private double[] Scores(ulong seed, long block)
    {
        var scores = new double[BlockTrials * _k];
        var permutation = new int[BlockTrials];
        for (int j = 0; j < _k; j++)
        {
            var rng = Rng.ForStream(seed, block, StableHash.Of($"correlation scores {j}"));
            for (int i = 0; i < BlockTrials; i++)
            {
                permutation[i] = i;
            }

            for (int i = BlockTrials - 1; i > 0; i--)
            {
                int swap = (int)(rng.NextDouble() * (i + 1));
                (permutation[i], permutation[swap]) = (permutation[swap], permutation[i]);
            }

            for (int i = 0; i < BlockTrials; i++)
            {
                scores[(i * _k) + j] = InverseNormal.Cdf((permutation[i] + 1.0) / (BlockTrials + 1));
            }
        }

        var own = OwnCholesky(scores);
        var transform = new double[_k * _k];
        // Q = P F⁻¹: solve F Xᵀ = Pᵀ row by row (F lower triangular), so each row of Q maps a score row to the output.
        var target = correlations.ScoreCholesky;
        for (int row = 0; row < _k; row++)
        {
            for (int col = 0; col < _k; col++)
            {
                // (P F⁻¹)[row, col] = Σ_m P[row, m] (F⁻¹)[m, col]
                double sum = 0;
                for (int m = 0; m < _k; m++)
                {
                    sum += target[(row * _k) + m] * own[(m * _k) + col];
                }

                transform[(row * _k) + col] = sum;
            }
        }

        var result = new double[scores.Length];
        for (int i = 0; i < BlockTrials; i++)
        {
            for (int row = 0; row < _k; row++)
            {
                double sum = 0;
                for (int col = 0; col < _k; col++)
                {
                    sum += transform[(row * _k) + col] * scores[(i * _k) + col];
                }

                result[(i * _k) + row] = sum;
            }
        }

        return result;
    }

    /// <summary>The inverse of the lower Cholesky factor of the scores' sample correlation, row-major.</summary>
    private double[] OwnCholesky(double[] scores)
    {
        var correlation = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(_k, _k);
        for (int a = 0; a < _k; a++)
        {
            for (int b = 0; b < _k; b++)
            {
                double sab = 0, saa = 0, sbb = 0;
                for (int i = 0; i < BlockTrials; i++)
                {
                    // Van der Waerden scores have mean zero by symmetry.
                    sab += scores[(i * _k) + a] * scores[(i * _k) + b];
                    saa += scores[(i * _k) + a] * scores[(i * _k) + a];
                    sbb += scores[(i * _k) + b] * scores[(i * _k) + b];
                }

                correlation[a, b] = sab / Math.Sqrt(saa * sbb);
            }
        }

        var inverse = correlation.Cholesky().Factor.Inverse();
        var result = new double[_k * _k];
        for (int a = 0; a < _k; a++)
        {
            for (int b = 0; b < _k; b++)
            {
                result[(a * _k) + b] = inverse[a, b];
            }
        }

        return result;
    }
}
