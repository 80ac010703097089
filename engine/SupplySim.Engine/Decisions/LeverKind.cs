namespace SupplySim.Decisions;

/// <summary>What a lever changes in the network.</summary>
public enum LeverKind
{
    /// <summary>Tonnes of one material a stockpile node holds at the start (bought at the start price, then held).</summary>
    Stockpile,

    /// <summary>Days of cover a consumer keeps (its order-up-to target and its starting stock).</summary>
    DaysOfCover,

    /// <summary>Capacity added at a producer or processor, producing from a given time after the start.</summary>
    Capacity,

    /// <summary>Capacity of a recycling plant, modelled as a producer of the recovered material; as <see cref="Capacity"/>.</summary>
    Recycling,

    /// <summary>On or off: qualify an alternative supplier in advance, removing a lane's qualification delay.</summary>
    Prequalify,
}
