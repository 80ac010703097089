namespace SupplySim.Scenario;

/// <summary>A scalar from the file together with where it was written.</summary>
/// <typeparam name="T">The parsed value type (string, date, bool, ...).</typeparam>
/// <param name="Value">The parsed value.</param>
/// <param name="Location">Where the value is in the file.</param>
public sealed record LocatedValue<T>(T Value, SourceLocation Location);
