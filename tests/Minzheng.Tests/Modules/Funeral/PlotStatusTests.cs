using Minzheng.Modules.Funeral.Plots;

namespace Minzheng.Tests.Modules.Funeral;

/// <summary>The plot states that are derived from the calendar rather than stored: a lapsed reservation and an expired tenure.</summary>
public sealed class PlotStatusTests
{
    private static readonly DateOnly Day = new(2026, 12, 7);

    [Fact]
    public void AReservation_HoldsThroughItsLastDay_AndReadsFreeWithoutTheFamilyAfterIt()
    {
        var plot = new Plot { Area = "福", Row = 1, Number = 1, Status = PlotStatus.Reserved, BuyerName = "预留家属", BuyerIdMasked = "3604**********0012", ReservedUntil = Day };
        Assert.Equal(("reserved", true), (plot.StatusCode(Day), plot.IsReservedOn(Day)));
        Assert.Equal(("free", false), (plot.StatusCode(Day.AddDays(1)), plot.IsReservedOn(Day.AddDays(1))));
        Assert.Equal(("预留家属", Day), (PlotService.Row(plot, Day).BuyerName, PlotService.Row(plot, Day).ReservedUntil));
        var lapsed = PlotService.Row(plot, Day.AddDays(1));
        Assert.Equal(("free", null, null, null), (lapsed.Status, lapsed.BuyerName, lapsed.BuyerIdMasked, lapsed.ReservedUntil));
        Assert.False(plot.IsSold);
    }

    [Fact]
    public void ASoldPlot_ExpiresTheDayAfterItsTenure_AReservedOneNever()
    {
        var sold = new Plot { Status = PlotStatus.Sold, ExpiresOn = Day };
        Assert.Equal(("sold", "expired"), (sold.StatusCode(Day), sold.StatusCode(Day.AddDays(1))));
        Assert.True(sold.IsSold);
        Assert.False(new Plot { Status = PlotStatus.Reserved, ReservedUntil = Day.AddYears(1) }.IsExpired(Day.AddYears(2)));
    }
}
