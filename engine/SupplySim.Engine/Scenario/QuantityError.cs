namespace SupplySim.Scenario;

/// <summary>Why a quantity could not be parsed: the diagnostic code and its message.</summary>
/// <param name="Code">SS0006 (not a finite number) or SS0007 (missing, unknown or unexpected unit).</param>
/// <param name="Message">Lower-case message naming the text and what was expected.</param>
internal sealed record QuantityError(string Code, string Message);
