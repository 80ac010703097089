namespace SupplySim.Scenario;

/// <summary>The <c>correlations:</c> section as written: parameter paths and a matrix of rank correlations, row by row.</summary>
public sealed class CorrelationDocument
{
    /// <summary>The correlated per-trial parameters, by path.</summary>
    public List<LocatedValue<string>> Parameters { get; } = [];

    /// <summary>The target Spearman rank correlations, one row per parameter (null cells did not parse).</summary>
    public List<List<LocatedValue<double>?>> Matrix { get; } = [];

    /// <summary>Where the matrix is written.</summary>
    public SourceLocation MatrixLocation { get; set; }

    /// <summary>Where the section starts.</summary>
    public SourceLocation Location { get; set; }
}
