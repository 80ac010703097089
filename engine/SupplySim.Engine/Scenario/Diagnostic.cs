namespace SupplySim.Scenario;

/// <summary>One problem found in user input, with a stable code and the position of the offending value.</summary>
/// <param name="Code">Stable code: <c>SS00xx</c> file and YAML shape, <c>SS01xx</c> meaning, <c>SS02xx</c> run.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Location">Where the offending value is.</param>
/// <param name="Message">Lower-case message naming the value, the expected range and a hint.</param>
public sealed record Diagnostic(string Code, Severity Severity, SourceLocation Location, string Message)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Location}: {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}";
}
