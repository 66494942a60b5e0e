using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Deadlines;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.Web.Pages;

/// <summary>待办与期限: every module's open deadlines in the user's region, nearest first, and the board by township.</summary>
[Authorize(Policy = Policies.ReadDeadlines)]
public sealed class DeadlinesModel(DeadlineBoard board) : PageModel
{
    public IReadOnlyList<WorkItem> Items { get; private set; } = [];
    public IReadOnlyList<BoardRow> Board { get; private set; } = [];

    /// <summary>The kinds of work on the board, in the order they first appear.</summary>
    public IReadOnlyList<string> Kinds { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Due { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Due = Due is "soon" or "overdue" ? Due : null;
        Items = await board.WorkListAsync(Due, 200, ct);
        Board = await board.ByTownshipAsync(ct);
        Kinds = Board.SelectMany(r => r.Kinds.Select(k => k.Kind)).Distinct().ToList();
    }

    public static string UrgencyName(string urgency) => urgency switch
    {
        "overdue" => "已超期",
        "due-soon" => "即将到期",
        _ => "期限内",
    };
}
