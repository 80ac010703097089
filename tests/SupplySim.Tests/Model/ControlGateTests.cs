using NUnit.Framework;
using SupplySim.Model;

namespace SupplySim.Tests.Model;

/// <summary>The gate kept per epoch answers, for every step, what a table per step would.</summary>
public sealed class ControlGateTests
{
    [Test]
    public void Every_step_sees_the_control_a_per_step_table_gives_bans_overriding_licences()
    {
        const int Steps = 40, Arcs = 5, Origins = 2;
        bool[] isBan = [false, true, false];
        ControlGate.Claim[] claims =
        [
            new(0, false, 3, 20, 0, [0, 1, 2]),
            new(1, true, 10, 15, 0, [1, 2, 3]),
            new(2, false, 12, 40, 1, [4]),
        ];
        var perStep = new int[Steps, Arcs, Origins];
        foreach (int i in Enumerable.Range(0, perStep.Length))
        {
            perStep[i / (Arcs * Origins), i / Origins % Arcs, i % Origins] = -1;
        }

        foreach (var claim in claims)
        {
            for (int step = claim.Start; step < claim.End; step++)
            {
                foreach (int a in claim.Arcs)
                {
                    int existing = perStep[step, a, claim.Origin];
                    if (existing < 0 || (claim.IsBan && !isBan[existing]))
                    {
                        perStep[step, a, claim.Origin] = claim.Control;
                    }
                }
            }
        }

        var gate = ControlGate.Build(claims, isBan, Steps, Arcs, Origins);
        Assert.That(gate.EpochStart, Is.EqualTo(new[] { 0, 3, 10, 12, 15, 20 }));
        for (int step = 0; step < Steps; step++)
        {
            for (int a = 0; a < Arcs; a++)
            {
                for (int o = 0; o < Origins; o++)
                {
                    Assert.That(gate.At(step, a, o), Is.EqualTo(perStep[step, a, o]), $"step {step}, arc {a}, origin {o}");
                }
            }
        }

        Assert.That(gate.At(12, 2, 0), Is.EqualTo(1), "the ban overrides the licence regime while both hold");
        Assert.That(gate.At(16, 2, 0), Is.EqualTo(0), "the licence regime again once the ban ends");
    }
}
