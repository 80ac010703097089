namespace SupplySim.Tests.Reference;

/// <summary>Under which export control the reference decides (and credits) a licence application when it falls due.</summary>
internal enum LicenceAttribution
{
    /// <summary>
    /// The control the application was made under: its approval probability for the arc, and its approved and
    /// denied totals. This is the model (DESIGN §2, export_control licence; §3 licences applied/approved/denied).
    /// </summary>
    OwnControl,

    /// <summary>
    /// The control of the most recent application on the same arc, whatever the application was made under: what
    /// <c>TrialKernel.MatureLicences</c> did before it kept each control's applications apart. Kept so a test can
    /// show the regime-change network tells the two rules apart; it differs from <see cref="OwnControl"/> only when
    /// a second control takes over an arc while applications under the first are pending.
    /// </summary>
    LatestControlOnArc,
}
