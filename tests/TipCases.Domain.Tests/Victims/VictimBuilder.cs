using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using static TipCases.Domain.Tests.Cases.CaseBuilder;

namespace TipCases.Domain.Tests.Victims;

internal static class VictimBuilder
{
    /// <summary>Stands in for the real encryption, which the domain never sees.</summary>
    private sealed class PlainProtector : IIdentityProtector
    {
        public byte[] Protect(ProtectedIdentity identity, Guid victimId) => [1, 2, 3];

        public ProtectedIdentity Unprotect(byte[] ciphertext, Guid victimId) => throw new NotSupportedException();
    }

    public static readonly IIdentityProtector Protector = new PlainProtector();

    public static VictimProfile Profile(MigrationStatus status = MigrationStatus.IrregularMigrant) => new(Sex.Female, null, status, null, false, null,
        [ExploitationForm.ForcedLabourOrServices], IdentifiedBy.Police, null, null, WillingnessToTestify.Undecided);

    /// <summary>A case whose offence began on <paramref name="offenceFrom"/> (or whose dates are unknown).</summary>
    public static TipCases.Domain.Cases.Case CaseWithOffence(DateOnly? offenceFrom, DateOnly? offenceTo = null)
    {
        var c = New();
        c.UpdateDetails(Details() with { OffenceFrom = offenceFrom, OffenceTo = offenceTo }, Today);
        return c;
    }

    public static Victim Victim(TipCases.Domain.Cases.Case? on = null, DateOnly? born = null, MigrationStatus status = MigrationStatus.IrregularMigrant) =>
        Domain.Victims.Victim.Record(Guid.NewGuid(), "V-CPO-2026-0001", on ?? New(), new ProtectedIdentity("Amina", "Testperson", born ?? new DateOnly(1990, 1, 1),
            null, null, null, null), Profile(status), Protector, Opener, Now, Today);
}
