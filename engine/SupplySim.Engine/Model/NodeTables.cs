namespace SupplySim.Model;

/// <summary>Per-node and per-holding arrays built from the node list, before lanes are added.</summary>
internal sealed class NodeTables(int n, int m)
{
    public string[] Ids { get; } = new string[n];

    public string[] Country { get; } = new string[n];

    public NodeKind[] Kind { get; } = new NodeKind[n];

    public int[] Origin { get; } = new int[n];

    public int[] Sector { get; } = Filled(n, -1);

    public int[] Capacity { get; } = Filled(n, -1);

    public int[] Quota { get; } = Filled(n, -1);

    public bool[] IsPush { get; } = new bool[n];

    public double[] CoverDays { get; } = new double[n];

    public int[] OutputMaterial { get; } = Filled(n, -1);

    public List<int>[] RecipeMaterial { get; } = [.. Enumerable.Range(0, n).Select(_ => new List<int>())];

    public List<int>[] RecipeRatio { get; } = [.. Enumerable.Range(0, n).Select(_ => new List<int>())];

    public int[] Delay { get; } = Filled(n, -1);

    public int[] Leak { get; } = Filled(n, -1);

    public int[] Interdiction { get; } = Filled(n, -1);

    public int[] ReleaseBelowCover { get; } = Filled(n, -1);

    public int[] ReleaseRate { get; } = Filled(n, -1);

    public int[] ReleaseLead { get; } = Filled(n, -1);

    public List<int>[] ReleaseTo { get; } = [.. Enumerable.Range(0, n).Select(_ => new List<int>())];

    public int[] DemandCv { get; } = Filled(n, -1);

    public int[] Priority { get; } = Filled(n, 5);

    public bool[] LostSales { get; } = new bool[n];

    public bool[] Coupled { get; } = new bool[n];

    public bool[] UsesReorderPoint { get; } = new bool[n];

    public double[] ReorderDays { get; } = new double[n];

    public bool[] Held { get; } = new bool[n * m];

    /// <summary>Materials a node can ship on a lane (producer output, processor output, transshipper materials).</summary>
    public bool[] Supplies { get; } = new bool[n * m];

    public int[] Demand { get; } = Filled(n * m, -1);

    public int[] Acquisition { get; } = Filled(n * m, -1);

    public int[] Initial { get; } = Filled(n * m, -1);

    public double[] InitialCoverDays { get; } = Filled(n * m, double.NaN);

    private static T[] Filled<T>(int length, T value)
    {
        var array = new T[length];
        Array.Fill(array, value);
        return array;
    }
}
