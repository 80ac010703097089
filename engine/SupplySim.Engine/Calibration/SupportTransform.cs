namespace SupplySim.Calibration;

/// <summary>
/// Maps a parameter's support onto the whole real line, where ABC-SMC perturbs particles: the logit of the position
/// in a bounded interval, the log of the distance from a lower bound, or the value itself. Every perturbed candidate is
/// then inside the prior's support (a joint move of a hundred bounded parameters almost never is), and the prior's
/// density on the line is its density times the Jacobian |dθ/dη|.
/// </summary>
internal readonly struct SupportTransform(double low, double high)
{
    /// <summary>How close to a bound a value may map (keeps the logit finite for draws on a bound).</summary>
    private const double Edge = 1e-12;

    private bool HasLow => !double.IsNegativeInfinity(low);

    private bool HasHigh => !double.IsPositiveInfinity(high);

    public double ToLine(double value)
    {
        if (HasLow && HasHigh)
        {
            double x = Math.Clamp((value - low) / (high - low), Edge, 1 - Edge);
            return Math.Log(x / (1 - x));
        }

        return HasLow ? Math.Log(Math.Max(value - low, Edge)) : HasHigh ? -Math.Log(Math.Max(high - value, Edge)) : value;
    }

    public double FromLine(double eta)
    {
        if (HasLow && HasHigh)
        {
            // Kept Edge from the bounds, as ToLine is: beyond |η| ≈ 37 the logistic rounds to exactly a bound, where a
            // Beta or PERT prior with a shape below 1 has density +∞, so a particle there would be accepted and never move.
            double margin = Edge * (high - low);
            return Math.Clamp(low + ((high - low) / (1 + Math.Exp(-eta))), low + margin, high - margin);
        }

        return HasLow ? low + Math.Exp(eta) : HasHigh ? high - Math.Exp(-eta) : eta;
    }

    /// <summary>log |dθ/dη| at <paramref name="eta"/>.</summary>
    public double LogJacobian(double eta)
    {
        if (HasLow && HasHigh)
        {
            // dθ/dη = (high − low) σ(η) (1 − σ(η)); log σ(η) = −log(1 + e^−η), computed without overflow.
            return Math.Log(high - low) - Softplus(-eta) - Softplus(eta);
        }

        return HasLow ? eta : HasHigh ? -eta : 0;
    }

    private static double Softplus(double x) => x > 30 ? x : double.LogP1(Math.Exp(x));
}
