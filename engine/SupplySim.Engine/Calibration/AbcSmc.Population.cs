using SupplySim.Model;
using SupplySim.Simulation;

namespace SupplySim.Calibration;

/// <summary>The sampler's state and steps (see <see cref="AbcSmc"/>).</summary>
public static partial class AbcSmc
{
    /// <summary>The state of one calibration.</summary>
    private sealed class Population
    {
        /// <summary>Relative fall of the tolerance below which a generation counts as no progress; two in a row stop the run.</summary>
        private const double Stalled = 0.999;

        /// <summary>Most Metropolis–Hastings moves per generation.</summary>
        private const int MaxMoves = 3;

        private readonly CompiledModel _model;
        private readonly ParameterTable _table;
        private readonly int[] _priors;
        private readonly SupportTransform[] _transforms;
        private readonly CalibrationOptions _options;
        private readonly ParticleEvaluator _evaluator;
        private readonly IReadOnlyList<CompiledObservation> _fitted;
        private readonly IProgress<long>? _progress;
        private readonly CancellationToken _cancellation;
        private readonly int _n;
        private readonly int _p;
        private readonly int _k;
        private double[] _scales = [];
        private long _spent;
        private double _stepScale;

        // Per particle: values, their images on the line, log prior density on the line, and per trial the distance.
        private double[] _theta;
        private double[] _line;
        private double[] _logPrior;
        private double[] _distances;
        private double[] _weights;

        public Population(CompiledModel model, ParameterTable table, int[] priors, int[][] targets, IReadOnlyList<CompiledObservation> fitted,
            CalibrationOptions options, IProgress<long>? progress, CancellationToken cancellation)
        {
            _model = model;
            _table = table;
            _priors = priors;
            _transforms = [.. priors.Select(p => PriorDensity.Support(table, p)).Select(s => new SupportTransform(s.Low, s.High))];
            _options = options;
            _fitted = fitted;
            _progress = progress;
            _cancellation = cancellation;
            _n = options.Particles;
            _p = priors.Length;
            _k = options.TrialsPerParticle;
            _evaluator = new ParticleEvaluator(model, fitted, targets, _k);
            _theta = new double[_n * _p];
            _line = new double[_n * _p];
            _logPrior = new double[_n];
            _distances = new double[_n * _k];
            _weights = [.. Enumerable.Repeat(1.0 / _n, _n)];
        }

        public AbcSmcResult Calibrate(IReadOnlyList<string> names)
        {
            long cost = (long)_n * _evaluator.Cost;
            if (cost > _options.Budget)
            {
                throw new ArgumentException($"a budget of {_options.Budget} simulations does not buy one generation " +
                                            $"({_n} particles x {_evaluator.Cost} trials = {cost})");
            }

            DrawFromPrior();
            var simulated = Simulate(_theta, Enumerable.Range(0, _n).ToArray(), "prior");
            _scales = Scales(simulated);
            for (int i = 0; i < _n; i++)
            {
                Distances(simulated[i]).CopyTo(_distances, i * _k);
            }

            var generations = new List<AbcGeneration> { new(double.PositiveInfinity, _n, false, 0, cost) };
            double tolerance = double.PositiveInfinity;
            int stalled = 0;
            for (int g = 1; _spent + cost <= _options.Budget && stalled < 2; g++)
            {
                _cancellation.ThrowIfCancellationRequested();
                double next = NextTolerance(tolerance);
                Reweight(tolerance, next);
                stalled = next >= Stalled * tolerance ? stalled + 1 : 0;
                tolerance = next;
                bool resampled = WeightedSample.EffectiveSize(_weights) < _n / 2.0;
                if (resampled)
                {
                    Resample(g);
                }

                // Repeated moves when few are accepted, so that most particles move at least once (Drovandi and Pettitt 2011):
                // after resampling, duplicates only separate by moving.
                long before = _spent;
                double last = generations[^1].Acceptance, accepted = 0;
                int moves = g == 1 || last >= 0.95 ? 1 : last <= 0 ? MaxMoves : Math.Clamp((int)Math.Ceiling(Math.Log(0.05) / Math.Log(1 - last)), 1, MaxMoves);
                int made = 0;
                for (int r = 0; r < moves && (r == 0 || _spent + cost <= _options.Budget); r++, made++)
                {
                    last = Move($"{g}.{r}", tolerance, g == 1 && r == 0 ? double.NaN : last);
                    accepted += last;
                }

                double acceptance = accepted / made;
                generations.Add(new AbcGeneration(tolerance, WeightedSample.EffectiveSize(_weights), resampled, acceptance, _spent - before));
                if (acceptance < _options.MinAcceptance)
                {
                    break;
                }
            }

            var posterior = new Posterior(names, _theta, _weights, NetworkFingerprint.Of(_model.Network));
            return new AbcSmcResult(posterior, generations, _fitted, _scales, _spent);
        }

        private void DrawFromPrior()
        {
            ulong stream = StableHash.Of("calibration prior");
            for (int i = 0; i < _n; i++)
            {
                var rng = Rng.ForStream(_options.Seed, i, stream);
                for (int j = 0; j < _p; j++)
                {
                    _theta[(i * _p) + j] = Sampler.Sample(_table, _priors[j], ref rng);
                    _line[(i * _p) + j] = _transforms[j].ToLine(_theta[(i * _p) + j]);
                }

                _logPrior[i] = LogPriorOnLine(_line.AsSpan(i * _p, _p));
            }
        }

        /// <summary>The prior's log density at a point of the line: the density of its value times the Jacobian.</summary>
        private double LogPriorOnLine(ReadOnlySpan<double> line)
        {
            double sum = 0;
            for (int j = 0; j < _p; j++)
            {
                sum += PriorDensity.Log(_table, _priors[j], _transforms[j].FromLine(line[j])) + _transforms[j].LogJacobian(line[j]);
            }

            return sum;
        }

        /// <summary>Trials of particle <paramref name="i"/> within <paramref name="tolerance"/>.</summary>
        private int Within(int i, double tolerance) => Within(_distances.AsSpan(i * _k, _k), tolerance);

        private static int Within(ReadOnlySpan<double> distances, double tolerance)
        {
            int count = 0;
            foreach (double d in distances)
            {
                count += d <= tolerance ? 1 : 0;
            }

            return count;
        }

        /// <summary>
        /// The smallest tolerance, among the distances below the current one, that keeps <see cref="CalibrationOptions.Retention"/>
        /// of the effective sample size (bisection over the sorted distances).
        /// </summary>
        private double NextTolerance(double tolerance)
        {
            double[] candidates = [.. _distances.Where((d, index) => d <= tolerance && _weights[index / _k] > 0).Distinct().Order()];
            double target = _options.Retention * WeightedSample.EffectiveSize(_weights);
            int low = 0, high = candidates.Length - 1;
            while (low < high)
            {
                int middle = (low + high) / 2;
                if (WeightedSample.EffectiveSize(Reweighted(tolerance, candidates[middle])) >= target)
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }

            return candidates[low];
        }

        private double[] Reweighted(double from, double to)
        {
            var weights = new double[_n];
            for (int i = 0; i < _n; i++)
            {
                int before = Within(i, from);
                weights[i] = before == 0 ? 0 : _weights[i] * Within(i, to) / before;
            }

            return weights;
        }

        private void Reweight(double from, double to) => _weights = WeightedSample.Normalise(Reweighted(from, to));

        /// <summary>Systematic resampling: particles copied in proportion to their weights, then equal weights.</summary>
        private void Resample(int g)
        {
            var rng = Rng.ForStream(_options.Seed, g, StableHash.Of("calibration resampling"));
            double u = rng.NextDouble() / _n, running = _weights[0];
            int from = 0;
            var theta = new double[_theta.Length];
            var line = new double[_line.Length];
            var logPrior = new double[_n];
            var distances = new double[_distances.Length];
            for (int i = 0; i < _n; i++)
            {
                double point = u + ((double)i / _n);
                while (running < point && from < _n - 1)
                {
                    running += _weights[++from];
                }

                Array.Copy(_theta, from * _p, theta, i * _p, _p);
                Array.Copy(_line, from * _p, line, i * _p, _p);
                Array.Copy(_distances, from * _k, distances, i * _k, _k);
                logPrior[i] = _logPrior[from];
            }

            (_theta, _line, _logPrior, _distances) = (theta, line, logPrior, distances);
            _weights = [.. Enumerable.Repeat(1.0 / _n, _n)];
        }

        /// <summary>
        /// One Metropolis–Hastings step for every particle of positive weight, at <paramref name="tolerance"/>; the step's
        /// scale starts at 2.38²/d (Roberts, Gelman and Gilks 1997) and is doubled or halved as the last move's acceptance
        /// was above 40% or below 10%. Each move draws from streams and trials of its own. Returns the share accepted.
        /// </summary>
        private double Move(string move, double tolerance, double lastAcceptance)
        {
            _stepScale = double.IsNaN(lastAcceptance) ? 2.38 * 2.38 / _p
                : lastAcceptance > 0.4 ? _stepScale * 2 : lastAcceptance < 0.1 ? _stepScale / 2 : _stepScale;
            var kernel = new PerturbationKernel(_line, _weights, _p, _stepScale);
            int[] alive = [.. Enumerable.Range(0, _n).Where(i => _weights[i] > 0)];
            var proposedLine = new double[_n * _p];
            var proposed = new double[_n * _p];
            var uniforms = new double[_n];
            ulong stream = StableHash.Of($"calibration move {move}");
            var z = new double[_p];
            foreach (int i in alive)
            {
                var rng = Rng.ForStream(_options.Seed, i, stream);
                for (int j = 0; j < _p; j++)
                {
                    z[j] = InverseNormal.Cdf(rng.NextOpenDouble());
                }

                kernel.Move(_line.AsSpan(i * _p, _p), z, proposedLine.AsSpan(i * _p, _p));
                for (int j = 0; j < _p; j++)
                {
                    proposed[(i * _p) + j] = _transforms[j].FromLine(proposedLine[(i * _p) + j]);
                }

                uniforms[i] = rng.NextOpenDouble();
            }

            var simulated = Simulate(proposed, alive, move);
            int accepted = 0;
            foreach (int i in alive)
            {
                var distances = Distances(simulated[i]);
                int within = Within(distances, tolerance);
                double logPrior = LogPriorOnLine(proposedLine.AsSpan(i * _p, _p));
                // The random walk is symmetric on the line: accept with the ratio of prior × estimated ABC likelihood.
                double ratio = within == 0 || double.IsNegativeInfinity(logPrior) ? 0
                    : Math.Exp(logPrior - _logPrior[i]) * within / Math.Max(Within(i, tolerance), 1);
                if (uniforms[i] < ratio)
                {
                    accepted++;
                    Array.Copy(proposed, i * _p, _theta, i * _p, _p);
                    Array.Copy(proposedLine, i * _p, _line, i * _p, _p);
                    distances.CopyTo(_distances, i * _k);
                    _logPrior[i] = logPrior;
                }
            }

            return alive.Length == 0 ? 0 : (double)accepted / alive.Length;
        }

        /// <summary>Simulates the particles <paramref name="which"/> of <paramref name="theta"/> on the trials of move <paramref name="move"/>.</summary>
        private double[][] Simulate(double[] theta, int[] which, string move)
        {
            ulong seed = _options.Seed ^ StableHash.Of($"calibration trials {move}");
            var simulated = new double[_n][];
            var parallel = new ParallelOptions
            {
                MaxDegreeOfParallelism = _options.Threads == -1 ? Environment.ProcessorCount : _options.Threads,
                CancellationToken = _cancellation,
            };
            long done = _spent;
            Parallel.ForEach(which, parallel, i =>
            {
                simulated[i] = _evaluator.Evaluate(theta[(i * _p)..((i + 1) * _p)], seed);
                _progress?.Report(Interlocked.Add(ref done, _evaluator.Cost));
            });
            _spent += (long)which.Length * _evaluator.Cost;
            return simulated;
        }

        /// <summary>
        /// Per observation, the spread of its simulated values under the prior (1.4826 × MAD, else the P10–P90 range over
        /// 2.563, else 1% of the observed or simulated magnitude): a trial's distance is the root mean square of
        /// (simulated − observed) / scale, so annual tonnes, monthly tonnes and prices count alike.
        /// </summary>
        private double[] Scales(double[][] simulated)
        {
            var scales = new double[_fitted.Count];
            for (int o = 0; o < _fitted.Count; o++)
            {
                var values = new double[simulated.Length * _k];
                for (int i = 0; i < simulated.Length; i++)
                {
                    Array.Copy(simulated[i], o * _k, values, i * _k, _k);
                }

                Array.Sort(values);
                double median = Statistics.SortedSample.Quantile(values, 0.5);
                var deviations = values.Select(v => Math.Abs(v - median)).ToArray();
                Array.Sort(deviations);
                double mad = 1.4826 * Statistics.SortedSample.Quantile(deviations, 0.5);
                double range = (Statistics.SortedSample.Quantile(values, 0.9) - Statistics.SortedSample.Quantile(values, 0.1)) / 2.563;
                double magnitude = 0.01 * Math.Max(Math.Abs(_fitted[o].Observed), Math.Abs(median));
                scales[o] = mad > 0 ? mad : range > 0 ? range : magnitude > 0 ? magnitude : 1;
            }

            return scales;
        }

        /// <summary>Per trial, the root mean square over observations of (simulated − observed) / scale.</summary>
        private double[] Distances(double[] simulated)
        {
            var distances = new double[_k];
            for (int t = 0; t < _k; t++)
            {
                double sum = 0;
                for (int o = 0; o < _fitted.Count; o++)
                {
                    double e = (simulated[(o * _k) + t] - _fitted[o].Observed) / _scales[o];
                    sum += e * e;
                }

                distances[t] = Math.Sqrt(sum / _fitted.Count);
            }

            return distances;
        }
    }
}
