using NUnit.Framework;
using SupplySim.Calibration;

namespace SupplySim.Tests.Calibration;

/// <summary>The map between a parameter's support and the line where ABC-SMC perturbs particles.</summary>
[TestFixture]
internal sealed class SupportTransformTests
{
    [TestCase(40.0)]
    [TestCase(-40.0)]
    [TestCase(800.0)]
    [TestCase(-800.0)]
    public void FromLine_FarOut_StaysStrictlyInsideABoundedSupport(double eta)
    {
        // The logistic rounded to exactly 0 or 1 beyond |η| ≈ 37, putting the value on a bound, where a Beta or PERT
        // prior with a shape below 1 has density +∞.
        var transform = new SupportTransform(2, 5);
        double value = transform.FromLine(eta);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(value, Is.GreaterThan(2.0).And.LessThan(5.0));
            Assert.That(Math.Min(value - 2, 5 - value), Is.EqualTo(3e-12).Within(1e-15), "kept Edge x width from the bound");
        }
    }

    [TestCase(-3.0)]
    [TestCase(0.0)]
    [TestCase(0.7)]
    [TestCase(20.0)]
    public void FromLine_Inside_UnchangedAndInvertsToLine(double eta)
    {
        var transform = new SupportTransform(2, 5);
        double value = transform.FromLine(eta);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(value, Is.EqualTo(2 + (3 / (1 + Math.Exp(-eta)))), "bit for bit the logistic, away from the bounds");
            Assert.That(transform.ToLine(value), Is.EqualTo(eta).Within(1e-6));
        }
    }
}
