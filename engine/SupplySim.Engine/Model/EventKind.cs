namespace SupplySim.Model;

/// <summary>Compiled event types applied at step 1 of each day (export controls are compiled into gates instead).</summary>
internal enum EventKind : byte
{
    // Order matters: events are applied in this order each step, so a disruption scales a changed capacity.
    Quota,
    Enforcement,
    CapacityChange,
    DemandShock,
    StockpileRelease,
    Disruption,
}
