using Minzheng.Modules.Administration.Regions;
using Minzheng.Platform.Regions;

namespace Minzheng.Tests.Platform.Regions;

public sealed class RegionCodeTests
{
    [Theory]
    [InlineData("360000000000", RegionLevel.Province, null)]
    [InlineData("360400000000", RegionLevel.City, "360000000000")]
    [InlineData("360482000000", RegionLevel.County, "360400000000")]
    [InlineData("360482100000", RegionLevel.Township, "360482000000")]
    [InlineData("360482100201", RegionLevel.Village, "360482100000")]
    // Cities without counties: the townships hang directly under the city (county segment 00).
    [InlineData("441900003000", RegionLevel.Township, "441900000000")]
    [InlineData("441900003001", RegionLevel.Village, "441900003000")]
    [InlineData("442000001000", RegionLevel.Township, "442000000000")]
    [InlineData("460400100000", RegionLevel.Township, "460400000000")]
    public void TryGetLevel_DerivesLevelAndParent(string code, RegionLevel level, string? parent)
    {
        Assert.True(RegionCode.TryGetLevel(code, out var actual, out _));
        Assert.Equal(level, actual);
        Assert.Equal(parent, RegionCode.ParentOf(code, actual));
    }

    [Theory]
    [InlineData("36048210000", "应为12位数字")]
    [InlineData("36048210000A", "应为12位数字")]
    [InlineData("000000000000", "不能全为0")]
    [InlineData("360000100000", "上级段为0")]
    [InlineData("360482000201", "上级段为0")]
    [InlineData("440003000000", "上级段为0")]
    [InlineData("440000003000", "上级段为0")]
    [InlineData(null, "不能为空")]
    public void TryGetLevel_Malformed_NamesTheProblem(string? code, string reasonPart)
    {
        Assert.False(RegionCode.TryGetLevel(code, out _, out var error));
        Assert.Contains(reasonPart, error);
    }

    [Theory]
    [InlineData("360482", "360482")]
    [InlineData("360482000000", "360482")]
    [InlineData("360482100000", "360482100")]
    [InlineData("36", "36")]
    [InlineData("360482100", "360482100")]
    [InlineData("441900003000", "441900003")]
    [InlineData("441900000000", "4419")]
    [InlineData("3604821", null)]
    [InlineData("360400", null)]
    [InlineData("abc", null)]
    public void ToScopePrefix_AcceptsCodeOrSignificantPrefix(string value, string? prefix)
    {
        Assert.Equal(prefix, RegionCode.ToScopePrefix(value));
    }
}
