using TipCases.Domain.Cases;
using TipCases.Domain.Charges;

namespace TipCases.Domain.Tests.Cases;

internal static class CaseBuilder
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 29);
    public static readonly Guid Office = Guid.NewGuid();
    public static readonly Guid Opener = Guid.NewGuid();

    /// <summary>Charges that let a case through every stage (a verdict counts as filed, and awaits
    /// nothing), for tests about other rules. The charge preconditions have their own tests.</summary>
    public static readonly ChargeProgress ChargesDecided = ChargeProgress.Of(ChargeStatus.Convicted);

    public static CaseDetails Details(string title = "Harbour Lights") =>
        new(title, null, CaseOrigin.TipOff, CaseScope.Domestic, false, false, Today, null, null);

    public static TipCases.Domain.Cases.Case New(Guid? office = null) =>
        TipCases.Domain.Cases.Case.Open(Guid.NewGuid(), new CaseReference("CPO", 2026, 1), office ?? Office, Details(), Opener, Now, Today);

    /// <summary>A case with an investigator and a (lead) prosecutor on its team.</summary>
    public static (TipCases.Domain.Cases.Case Case, Guid Investigator, Guid Prosecutor) Staffed()
    {
        var c = New();
        var investigator = Guid.NewGuid();
        var prosecutor = Guid.NewGuid();
        c.AddMember(investigator, TeamRole.Investigator, Now);
        c.AddMember(prosecutor, TeamRole.Prosecutor, Now);
        return (c, investigator, prosecutor);
    }
}
