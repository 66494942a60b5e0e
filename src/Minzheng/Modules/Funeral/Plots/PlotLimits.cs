namespace Minzheng.Modules.Funeral.Plots;

/// <summary>
/// The province's limits on a plot's size (殡葬管理条例: grave sizes are set by the province; POLICY §9): classic limits
/// ashes ≤ 1 m², body ≤ 4 m² single and ≤ 6 m² double; a province with land-saving limits sets its own (<c>Funeral:PlotLimits</c>).
/// </summary>
public sealed class PlotLimits
{
    public const string Section = "Funeral:PlotLimits";

    public decimal AshesSingle { get; set; } = 1m;
    public decimal AshesDouble { get; set; } = 1m;
    public decimal BodySingle { get; set; } = 4m;
    public decimal BodyDouble { get; set; } = 6m;

    public decimal For(PlotKind kind, bool forAshes) => (kind, forAshes) switch
    {
        (PlotKind.Single, true) => AshesSingle,
        (PlotKind.Double, true) => AshesDouble,
        (PlotKind.Single, false) => BodySingle,
        (PlotKind.Double, false) => BodyDouble,
    };

    public bool IsValid => new[] { AshesSingle, AshesDouble, BodySingle, BodyDouble }.All(a => a is > 0m and <= 100m);
}
