namespace SupplySim.Scenario;

/// <summary>Collects every problem found while loading and compiling, so all are reported at once.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>Every diagnostic in the order it was reported.</summary>
    public IReadOnlyList<Diagnostic> Items => _items;

    /// <summary>True when at least one error (not warning) was reported.</summary>
    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    /// <summary>Reports an error.</summary>
    public void Error(string code, SourceLocation location, string message) =>
        _items.Add(new Diagnostic(code, Severity.Error, location, message));

    /// <summary>Reports a warning.</summary>
    public void Warning(string code, SourceLocation location, string message) =>
        _items.Add(new Diagnostic(code, Severity.Warning, location, message));

    /// <summary>Adds every item of <paramref name="other"/>, in its order.</summary>
    public void AddRange(DiagnosticBag other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _items.AddRange(other._items);
    }

    /// <summary>Items ordered by file position, as a reader scans the file.</summary>
    public IEnumerable<Diagnostic> Sorted() =>
        _items.OrderBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column);
}
