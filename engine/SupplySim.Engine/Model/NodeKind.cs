namespace SupplySim.Model;

/// <summary>The role of a node in the network.</summary>
public enum NodeKind : byte
{
    /// <summary>Mine or refinery: makes one material from nothing, within capacity and quota.</summary>
    Producer,

    /// <summary>Converts inputs to an output by a recipe.</summary>
    Processor,

    /// <summary>Third-country intermediary that forwards what it buys, remembering origin.</summary>
    Transshipper,

    /// <summary>Strategic reserve that releases to named consumers.</summary>
    Stockpile,

    /// <summary>End user with demand.</summary>
    Consumer,
}
