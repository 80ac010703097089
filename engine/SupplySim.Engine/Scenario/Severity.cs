namespace SupplySim.Scenario;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum Severity
{
    /// <summary>The input is usable but probably not what the user meant.</summary>
    Warning,

    /// <summary>The input cannot be run.</summary>
    Error,
}
