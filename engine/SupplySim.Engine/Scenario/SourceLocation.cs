namespace SupplySim.Scenario;

/// <summary>A 1-based position in a scenario file, printed as <c>file:line:col</c>.</summary>
/// <param name="File">The file path as the user gave it.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
