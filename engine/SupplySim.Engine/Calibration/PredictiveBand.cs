namespace SupplySim.Calibration;

/// <summary>What the model predicts for an observation: its P10/P50/P90 over trials, whether the observed value is inside, and the CRPS.</summary>
public sealed record PredictiveBand(double P10, double P50, double P90, bool Inside, double Crps);
