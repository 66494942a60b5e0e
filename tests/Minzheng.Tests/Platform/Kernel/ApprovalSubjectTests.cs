using Minzheng.Platform.Kernel;

namespace Minzheng.Tests.Platform.Kernel;

public sealed class ApprovalSubjectTests
{
    private static readonly ApprovalSubject Payroll = new("发放名册", "名册", "名册的制作人", "审核人", "审核");

    [Fact]
    public void A_missing_item_is_not_found_whoever_asks()
    {
        var refused = Payroll.Refusal(exists: false, decidedAs: null, maker: null, approver: "reviewer");

        Assert.Equal((Outcome.NotFound, "发放名册不存在或不在您的管辖范围内"), refused);
    }

    [Fact]
    public void A_decided_item_cannot_be_decided_again_even_by_another_person()
    {
        var refused = Payroll.Refusal(exists: true, decidedAs: "已审核", maker: "clerk", approver: "reviewer");

        Assert.Equal((Outcome.Conflict, "该名册已审核，不能再审核"), refused);
    }

    [Fact]
    public void The_maker_cannot_approve_their_own_item()
    {
        var refused = Payroll.Refusal(exists: true, decidedAs: null, maker: "clerk", approver: "clerk");

        Assert.Equal((Outcome.Conflict, "审核人不能是名册的制作人（经办与审核须由不同人员办理）"), refused);
    }

    [Fact]
    public void Another_person_may_approve_and_the_maker_may_take_a_step_that_is_not_an_approval()
    {
        Assert.Null(Payroll.Refusal(exists: true, decidedAs: null, maker: "clerk", approver: "reviewer"));
        Assert.Null(Payroll.Refusal(exists: true, decidedAs: null, maker: "clerk", approver: null));
    }

    [Fact]
    public void The_default_wording_is_the_one_of_approval_by_an_approver()
    {
        var refused = new ApprovalSubject("补贴批次", "批次", "经办人").Refusal(true, null, "clerk", "clerk");

        Assert.Equal((Outcome.Conflict, "审批人不能是经办人（经办与审批须由不同人员办理）"), refused);
    }
}
