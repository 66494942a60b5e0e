using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Imports;

namespace Minzheng.Tests.Platform.Imports;

/// <summary>The bounded error list every upload collects its errors in.</summary>
public sealed class ImportErrorListTests
{
    [Fact]
    public void Add_PastTheLimit_StopsReading_KeepingTheFirstInRowOrder()
    {
        var errors = new ImportErrorList(3);
        errors.Add(new ImportError(5, "a", "x"));
        errors.Add(new ImportError(2, "b", "y"));
        errors.Add(new ImportError(9, "a", "z"));
        var stopped = Assert.Throws<TooManyImportErrorsException>(() => errors.Add(new ImportError(10, "a", "w")));
        Assert.Equal([2, 5, 9], stopped.Errors.Select(e => e.Row));
        Assert.Equal(2, stopped.Errors.ByColumn()["a"]);
        Assert.Equal("共250处错误，仅显示前200处", ImportErrorList.Summary(250, 200));
    }
}
