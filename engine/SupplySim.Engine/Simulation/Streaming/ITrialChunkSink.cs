namespace SupplySim.Simulation.Streaming;

/// <summary>
/// Receives the per-trial metrics of a streamed run one chunk at a time (<see cref="StreamingMonteCarlo"/>).
/// </summary>
/// <remarks>
/// Chunks arrive in trial order, one call at a time, never concurrently; a chunk's buffers are reused once
/// <see cref="Consume"/> returns, so a sink must copy anything it keeps.
/// </remarks>
internal interface ITrialChunkSink
{
    /// <summary>Processes every scenario's metrics for the trials of <paramref name="chunk"/>.</summary>
    /// <param name="chunk">The chunk; valid only during the call.</param>
    void Consume(TrialChunk chunk);
}
