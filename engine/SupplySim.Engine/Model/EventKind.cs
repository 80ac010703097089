namespace SupplySim.Model;

/// <summary>Compiled event types applied at step 1 of each day (export controls are compiled into gates instead).</summary>
internal enum EventKind : byte
{
    Quota,
    Enforcement,
    Disruption,
    DemandShock,
    CapacityChange,
    StockpileRelease,
}
