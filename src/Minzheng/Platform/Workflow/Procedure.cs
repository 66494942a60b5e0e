using Minzheng.Platform.Kernel;

namespace Minzheng.Platform.Workflow;

/// <summary>
/// A procedure written once: its steps, the states each starts from and leads to, who may take it and whether it
/// needs a written reason. The same declaration refuses illegal steps (<see cref="Ensure"/>) and tells the API and
/// the pages which steps a user may take now (<see cref="AvailableActions"/>), so no page recomputes that from status
/// strings. Checks that depend on the record's content (an open objection, a signed authorisation) stay with the
/// record's own transition methods, which call <see cref="Ensure"/> first.
/// </summary>
public sealed class Procedure<TState>(string name, Func<TState, string> stateName)
    where TState : struct, Enum
{
    private readonly List<ProcedureStep<TState>> _steps = [];

    /// <summary>Chinese name of the procedure, e.g. 救助申请.</summary>
    public string Name { get; } = name;

    public IReadOnlyList<ProcedureStep<TState>> Steps => _steps;

    /// <param name="to">The state the step leads to; null when the step decides it (e.g. approve or refuse) or keeps the state.</param>
    /// <param name="refusal">Said when the user's role may not take the step.</param>
    /// <param name="wrongState">Said when the record is in another state; by default names the current state.</param>
    public Procedure<TState> Step(string action, string title, TState[] from, TState? to, string[] roles, string refusal,
        bool needsReason = false, string? wrongState = null)
    {
        if (_steps.Any(s => s.Action == action))
        {
            throw new InvalidOperationException($"Step '{action}' of {Name} is declared twice.");
        }

        _steps.Add(new ProcedureStep<TState>(action, title, from, to, roles, refusal, needsReason, wrongState));
        return this;
    }

    /// <summary>The steps a user with these roles may take on a record in this state, in declaration order.</summary>
    public IReadOnlyList<ProcedureStep<TState>> AvailableActions(TState state, IEnumerable<string> roles)
    {
        var held = roles.ToHashSet(StringComparer.Ordinal);
        return _steps.Where(s => s.From.Contains(state) && s.Roles.Any(held.Contains)).ToList();
    }

    /// <summary>The step, or a refusal (409) naming why: an unknown step, a role that may not take it, or the wrong state.</summary>
    public ProcedureStep<TState> Ensure(string action, TState state, IEnumerable<string> roles)
    {
        var step = _steps.FirstOrDefault(s => s.Action == action)
            ?? throw new DomainRuleException($"未知的办理步骤“{action}”，应为 {string.Join("、", _steps.Select(s => s.Action))} 之一", Outcome.Invalid);
        if (!step.Roles.Any(roles.Contains))
        {
            throw new DomainRuleException(step.Refusal);
        }

        if (!step.From.Contains(state))
        {
            throw new DomainRuleException(step.WrongState ?? $"当前状态为“{stateName(state)}”，不能办理此步骤");
        }

        return step;
    }
}

/// <summary>One declared step of a procedure.</summary>
public sealed record ProcedureStep<TState>(string Action, string Title, IReadOnlyList<TState> From, TState? To, IReadOnlyList<string> Roles,
    string Refusal, bool NeedsReason, string? WrongState)
    where TState : struct, Enum;
