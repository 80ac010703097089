namespace SupplySim.Model;

/// <summary>
/// The steps on which the kernel must re-derive the state events set (capacities, quotas, leak and interdiction,
/// lane capacities, demand multipliers, stockpile releases). That state is a function of the trial's parameter
/// values and the set of active events, except for outages (a draw every step, and an outage that started inside its
/// event's window runs its drawn length past the window's end) and ramping capacity changes; so it changes only when
/// an event starts or ends, or while such a dynamic event is active or an outage may still be running. On every other step
/// yesterday's derived state still holds and re-deriving it would give the same values.
/// </summary>
internal static class EventDerivation
{
    public static bool[] Steps(IEnumerable<CompiledEvent> events, int steps)
    {
        var derive = new bool[steps];
        if (steps > 0)
        {
            derive[0] = true;
        }

        foreach (var ev in events)
        {
            Mark(derive, ev.StartStep, ev.StartStep + 1);
            Mark(derive, ev.EndStep, ev.EndStep + 1);
            if (ev.Kind == EventKind.Disruption)
            {
                Mark(derive, ev.StartStep, ev.EndStep + ev.LongestOutageSteps + 1);
            }
            else if (ev.Kind == EventKind.CapacityChange && ev.RampSteps > 0)
            {
                Mark(derive, ev.StartStep, Math.Min(ev.EndStep, ev.StartStep + ev.RampSteps));
            }
        }

        return derive;
    }

    private static void Mark(bool[] derive, int from, int to)
    {
        for (int step = Math.Max(0, from); step < Math.Min(to, derive.Length); step++)
        {
            derive[step] = true;
        }
    }
}
