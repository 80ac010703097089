using SupplySim.Scenario;

namespace SupplySim.Model;

/// <summary>Validates <c>observations:</c> against the compiled network and scenarios.</summary>
internal static class ObservationCompiler
{
    public static List<CompiledObservation> Compile(ScenarioFileDocument doc, CompiledNetwork network, IReadOnlyList<CompiledScenario> scenarios, DiagnosticBag diagnostics)
    {
        var result = new List<CompiledObservation>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        int months = network.MonthCount;
        foreach (var observation in doc.Observations)
        {
            if (observation.Id is not { } id || observation.Scenario is not { } scenario || observation.Value is not { } value)
            {
                continue;
            }

            if (!ids.Add(id.Value))
            {
                diagnostics.Error("SS0101", id.Location, $"duplicate observation id '{id.Value}'");
            }

            var known = scenarios.Select(s => s.Id).ToList();
            if (!known.Contains(scenario.Value))
            {
                diagnostics.Error("SS0117", scenario.Location, $"unknown scenario '{scenario.Value}'{Suggest.Hint(scenario.Value, known)}");
            }

            var lanes = new List<int>();
            foreach (var lane in observation.Lanes ?? [])
            {
                int index = network.LaneNames.ToList().IndexOf(lane.Value);
                if (index < 0)
                {
                    diagnostics.Error("SS0102", lane.Location, $"unknown lane '{lane.Value}' (write from->to){Suggest.Hint(lane.Value, network.LaneNames)}");
                }
                else
                {
                    lanes.Add(index);
                }
            }

            int market = -1;
            if (observation.Market is { } marketName && observation.Material is { } material)
            {
                market = FindMarket(network, marketName, material, diagnostics);
            }

            string unit = observation.Market is null ? "t" : "USD/t";
            if (value.Value < 0)
            {
                diagnostics.Error("SS0104", value.Location, $"value must be >= 0 {unit}, was {ParameterCompiler.Format(value.Value)} {unit}");
            }

            DateOnly first, last;
            SourceLocation at;
            if (observation.Year is { } year)
            {
                (first, last, at) = (new DateOnly(year.Value, 1, 1), new DateOnly(year.Value, 12, 1), year.Location);
            }
            else if (observation.FromMonth is { } from && observation.ToMonth is { } to)
            {
                (first, last, at) = (from.Value, to.Value, to.Location);
                if (to.Value < from.Value)
                {
                    diagnostics.Error("SS0106", to.Location, $"to {to.Value:yyyy-MM} is before from {from.Value:yyyy-MM}");
                }
            }
            else
            {
                continue;
            }

            int firstMonth = MonthIndex(network.Start, first), lastMonth = MonthIndex(network.Start, last);
            if (firstMonth < 0 || lastMonth >= months)
            {
                diagnostics.Error("SS0106", at,
                    $"the observed period {first:yyyy-MM}..{last:yyyy-MM} is not inside the run ({network.Start:yyyy-MM} to month {months} of the run)");
            }

            result.Add(new CompiledObservation
            {
                Id = id.Value, Description = observation.Description ?? "", ScenarioId = scenario.Value, Lanes = lanes,
                FirstMonth = firstMonth, LastMonth = lastMonth, Observed = value.Value, Market = market, Source = observation.Source ?? "",
                Period = observation.Year is { } y ? $"{y.Value}" : $"{first:yyyy-MM}..{last:yyyy-MM}",
            });
        }

        return result;
    }

    /// <summary>The market named <paramref name="name"/> pricing <paramref name="material"/>, or -1 (reported).</summary>
    private static int FindMarket(CompiledNetwork network, LocatedValue<string> name, LocatedValue<string> material, DiagnosticBag diagnostics)
    {
        var markets = network.Markets;
        int m = network.MaterialIds.ToList().IndexOf(material.Value);
        if (m < 0)
        {
            diagnostics.Error("SS0103", material.Location, $"unknown material '{material.Value}'{Suggest.Hint(material.Value, network.MaterialIds)}");
            return -1;
        }

        for (int j = 0; j < markets.Count; j++)
        {
            if (markets.Names[j] == name.Value && markets.Material[j] == m)
            {
                return j;
            }
        }

        var priced = Enumerable.Range(0, markets.Count).Where(j => markets.Material[j] == m).Select(j => markets.Names[j]).ToList();
        diagnostics.Error("SS0102", name.Location, priced.Count == 0
            ? $"no market prices '{material.Value}'; add it to markets:"
            : $"unknown market '{name.Value}' for '{material.Value}'{Suggest.Hint(name.Value, priced)}");
        return -1;
    }

    /// <summary>Calendar months from the month of <paramref name="start"/> to the month of <paramref name="date"/>.</summary>
    public static int MonthIndex(DateOnly start, DateOnly date) => ((date.Year - start.Year) * 12) + date.Month - start.Month;
}
