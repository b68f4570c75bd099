namespace TipCases.Domain;

/// <summary>
/// A state change refused by a rule of the domain. The message is written for the user who tried
/// it: it says what rule stopped them and, where there is one, what to do instead.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "A rule violation is an outcome users see, named in the house style.")]
public sealed class DomainRuleViolation : Exception
{
    public DomainRuleViolation(string message) : base(message) { }

    public DomainRuleViolation() { }

    public DomainRuleViolation(string message, Exception innerException) : base(message, innerException) { }
}
