using SupplySim.Model;

namespace SupplySim.Reporting.Graph;

/// <summary>A node of the network diagram.</summary>
/// <param name="Id">Node id from the scenario file.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code.</param>
/// <param name="Kind">Role of the node; decides its column in the layered layout.</param>
internal sealed record GraphNode(string Id, string Country, NodeKind Kind);
