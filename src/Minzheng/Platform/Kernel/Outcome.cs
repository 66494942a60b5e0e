namespace Minzheng.Platform.Kernel;

/// <summary>
/// How a domain operation ended. Each kind has exactly one HTTP status in the whole API (docs/api-errors.md), mapped
/// once in <c>ApiProblems.For</c>; a module never picks a status for a domain error itself.
/// </summary>
public enum Outcome
{
    /// <summary>200, 201 or 204.</summary>
    Done,

    /// <summary>404: the record does not exist or lies outside the caller's region.</summary>
    NotFound,

    /// <summary>400: the request itself is malformed — a field missing, unreadable or out of its range.</summary>
    Invalid,

    /// <summary>409: the record's current state does not allow the step (wrong status, duplicate, overlap, a concurrent change).</summary>
    Conflict,

    /// <summary>422: well-formed, but the content breaks a business rule (a return file with errors, a key reused with another body).</summary>
    Rejected,
}

/// <summary>A step a procedure refuses, with the Chinese reason shown to the user; answered as <see cref="Outcome"/> says.</summary>
public sealed class DomainRuleException(string message, Outcome outcome = Outcome.Conflict) : Exception(message)
{
    public Outcome Outcome { get; } = outcome;
}
