namespace SupplySim.Reporting.Html;

/// <summary>The start of one scenario event, marked on the fan charts.</summary>
/// <param name="Start">First day the event acts.</param>
/// <param name="Label">Export-control name or event type.</param>
internal sealed record ReportEvent(DateOnly Start, string Label);
