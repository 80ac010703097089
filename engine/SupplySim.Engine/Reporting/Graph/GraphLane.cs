namespace SupplySim.Reporting.Graph;

/// <summary>A lane of the network diagram.</summary>
/// <param name="From">Supplier node id.</param>
/// <param name="To">Buyer node id.</param>
/// <param name="Materials">Material ids the lane carries, in the file's material order.</param>
internal sealed record GraphLane(string From, string To, IReadOnlyList<string> Materials);
