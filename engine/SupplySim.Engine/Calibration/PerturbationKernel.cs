using MathNet.Numerics.LinearAlgebra;

namespace SupplySim.Calibration;

/// <summary>
/// The random-walk proposal of an ABC-SMC move: a multivariate normal step whose covariance is the current population's
/// weighted covariance (on the real line, <see cref="SupportTransform"/>) times a scale. The covariance is factored as
/// standard deviations × correlation, and the correlation is shrunk 1% towards the identity so that it stays positive
/// definite with fewer particles than parameters or with parameters that move together.
/// </summary>
internal sealed class PerturbationKernel
{
    private const double Shrinkage = 0.01;

    private readonly int _p;
    private readonly double[] _sd;
    private readonly double[] _cholesky;

    /// <param name="particles">Particle-major values on the line, <c>[particle * parameters + parameter]</c>.</param>
    /// <param name="weights">Normalised weights; particles of weight zero do not count.</param>
    /// <param name="parameters">Values per particle.</param>
    /// <param name="scale">The step's covariance is this times the population's.</param>
    public PerturbationKernel(double[] particles, double[] weights, int parameters, double scale)
    {
        _p = parameters;
        int n = weights.Length;
        var mean = new double[_p];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < _p; j++)
            {
                mean[j] += weights[i] * particles[(i * _p) + j];
            }
        }

        var covariance = new double[_p, _p];
        for (int i = 0; i < n; i++)
        {
            if (weights[i] == 0)
            {
                continue;
            }

            for (int a = 0; a < _p; a++)
            {
                double da = particles[(i * _p) + a] - mean[a];
                for (int b = 0; b <= a; b++)
                {
                    covariance[a, b] += weights[i] * da * (particles[(i * _p) + b] - mean[b]);
                }
            }
        }

        _sd = new double[_p];
        for (int a = 0; a < _p; a++)
        {
            // A parameter every particle agrees on still moves a little.
            double variance = scale * covariance[a, a];
            _sd[a] = variance > 1e-24 ? Math.Sqrt(variance) : 1e-6;
        }

        var correlation = Matrix<double>.Build.Dense(_p, _p);
        for (int a = 0; a < _p; a++)
        {
            for (int b = 0; b < a; b++)
            {
                double r = scale * covariance[a, b] / (_sd[a] * _sd[b]);
                correlation[a, b] = correlation[b, a] = (1 - Shrinkage) * Math.Clamp(double.IsFinite(r) ? r : 0, -1, 1);
            }

            correlation[a, a] = 1;
        }

        var factor = correlation.Cholesky().Factor;
        _cholesky = new double[_p * _p];
        for (int a = 0; a < _p; a++)
        {
            for (int b = 0; b <= a; b++)
            {
                _cholesky[(a * _p) + b] = factor[a, b];
            }
        }
    }

    /// <summary><paramref name="moved"/> = <paramref name="from"/> + sd × L × <paramref name="z"/> (z standard normal).</summary>
    public void Move(ReadOnlySpan<double> from, ReadOnlySpan<double> z, Span<double> moved)
    {
        for (int a = 0; a < _p; a++)
        {
            double sum = 0;
            for (int b = 0; b <= a; b++)
            {
                sum += _cholesky[(a * _p) + b] * z[b];
            }

            moved[a] = from[a] + (_sd[a] * sum);
        }
    }
}
