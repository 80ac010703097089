namespace SupplySim.Cli.Workbench;

/// <summary>
/// One value of a scenario file a planner may change in the workbench: where it is written (line and column of its
/// token), what it is, and the token as written (<c>2025-04-04</c>, <c>0.4</c>, <c>30wd</c>, <c>[US]</c>).
/// </summary>
/// <param name="Group">The scenario id the field belongs to, or <c>network</c>.</param>
/// <param name="Label">What the field is, e.g. <c>ree-licence-no18 start</c>.</param>
/// <param name="Line">1-based line of the token.</param>
/// <param name="Column">1-based column of the token.</param>
/// <param name="Text">The token as written.</param>
internal sealed record EditableField(string Group, string Label, int Line, int Column, string Text);
