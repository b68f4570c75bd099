using Npgsql;
using NpgsqlTypes;
using TipCases.DataGenerator.Planning;
using TipCases.Domain.Assets;
using TipCases.Domain.Cases;
using TipCases.Domain.Charges;
using TipCases.Domain.Cooperation;
using TipCases.Domain.Hearings;
using TipCases.Domain.Jurisdiction;
using TipCases.Domain.Victims;

namespace TipCases.DataGenerator.Loading;

/// <summary>
/// What the prosecution of a case holds, decided by the case alone (a hash of its index), so that
/// the loads of defendants, charges, hearings, requests and assets, which run side by side, agree
/// without sharing state: each row's id is derived from its case's id and its place in the case.
/// Proportions: a defendant for most investigated cases and one to three once charges are
/// considered (pre-trial on); a charge per defendant (two for the first defendant of an organized
/// group), filed before trial, convicted (three in four) or acquitted once the case left trial,
/// withdrawn when it was discontinued; hearings for cases that reached trial, the next ones
/// scheduled over the coming month; one or two cooperation requests for transnational cases,
/// some overdue; assets traced in two cases in five with a defendant, confiscated on conviction.
/// </summary>
internal static class Prosecution
{
    private const long Day = 86_400;

    public static readonly string[] Countries = ["RO", "BG", "MD", "UA", "AL", "NG", "VN", "TH", "PH", "BR", "IN", "CN", "GH", "ER", "PK"];

    private static readonly string[] Courts = ["District Court, Central", "Regional Court, Central", "District Court, Harbour", "Court of Appeal"];

    private static readonly string[] DefendantNames =
        ["A. Marin", "D. Popescu", "K. Nguyen", "S. Hoxha", "M. Okafor", "J. Silva", "R. Petrov", "T. Chen", "L. Ionescu", "V. Kovalenko"];

    private static readonly string[] AssetDescriptions =
        ["Current account at a national bank", "Cash found at the premises", "Apartment used to house workers", "Minibus used for transport", "Recruitment agency", "Jewellery and watches", "Cryptocurrency wallet"];

    private static readonly string[] Subjects =
        ["Bank records of the recruiters' accounts", "Statements of witnesses abroad", "Service of the indictment", "Tracing of proceeds", "Identity of the foreign recruiter", "Surrender of a defendant"];

    private static readonly TraffickingAct[] Acts = Enum.GetValues<TraffickingAct>();

    private static readonly TraffickingMeans[] Means = Enum.GetValues<TraffickingMeans>();

    private static readonly ExploitationForm[] Purposes = Enum.GetValues<ExploitationForm>();

    private static readonly AssetKind[] AssetKinds = [AssetKind.BankAccount, AssetKind.Cash, AssetKind.RealEstate, AssetKind.Vehicle, AssetKind.Business, AssetKind.Valuables, AssetKind.CryptoAsset];

    /// <summary>A well-mixed 64-bit value for (case, purpose) (splitmix64).</summary>
    public static ulong Hash(int caseIndex, int salt)
    {
        var z = unchecked(((ulong)caseIndex * 0x9E3779B97F4A7C15UL) + ((ulong)salt * 0xBF58476D1CE4E5B9UL) + 0x94D049BB133111EBUL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>The id of a case's <paramref name="ordinal"/>-th row of a kind: the case's own
    /// version 7 id (its time) with the random part mixed, version and variant bits kept.</summary>
    public static Guid Id(Guid caseId, int kind, int ordinal)
    {
        Span<byte> bytes = stackalloc byte[16];
        caseId.TryWriteBytes(bytes, bigEndian: true, out _);
        var mix = Hash(caseId.GetHashCode(), (kind * 1000) + ordinal + 1);
        for (var b = 8; b < 16; b++)
        {
            bytes[b] ^= (byte)(mix >> (8 * (b - 8)));
        }
        bytes[7] ^= (byte)(kind * 31 + ordinal);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    public const int DefendantRow = 1;
    public const int ChargeRow = 2;
    public const int FactRow = 3;
    public const int HearingRow = 4;
    public const int WitnessRow = 5;
    public const int RequestRow = 6;
    public const int AssetRow = 7;
    public const int AssetStepRow = 8;

    public static int Defendants(in CasePlan c, int i)
    {
        var furthest = Plan.Furthest(c);
        if (furthest >= CaseStage.PreTrial)
        {
            return 1 + (int)(Hash(i, 1) % 3);
        }
        return furthest == CaseStage.Investigation && Hash(i, 1) % 5 < 3 ? 1 : 0;
    }

    public static bool Charged(in CasePlan c) => Plan.Furthest(c) >= CaseStage.PreTrial;

    public static int ChargesOf(in CasePlan c, int defendant) => c.OrganizedCrime && defendant == 0 ? 2 : 1;

    /// <summary>A charge's status and the day it took it.</summary>
    public static (ChargeStatus Status, DateOnly On, long FiledAt) ChargeState(Plan plan, int i, int defendant)
    {
        ref readonly var c = ref plan.Cases[i];
        var preTrial = plan.EnteredAt(i, CaseStage.PreTrial) ?? c.OpenedAt;
        var filed = preTrial + Day + (long)(Hash(i, 10 + defendant) % (20 * Day));
        if (c.Stage == CaseStage.Discontinued)
        {
            return (ChargeStatus.Withdrawn, Plan.Day(plan.ChangeAt(i, c.Changes - 1)), filed);
        }
        if (plan.EnteredAt(i, CaseStage.PostTrial) is { } verdict)
        {
            return (Hash(i, 20 + defendant) % 4 == 0 ? ChargeStatus.Acquitted : ChargeStatus.Convicted, Plan.Day(verdict), filed);
        }
        if (plan.EnteredAt(i, CaseStage.Trial) is not null || Hash(i, 30) % 2 == 0)
        {
            return (ChargeStatus.Filed, Plan.Day(Math.Min(filed, plan.Now.ToUnixTimeSeconds())), filed);
        }
        return (ChargeStatus.Proposed, Plan.Day(preTrial), preTrial);
    }

    public static Guid OffenceFor(in CasePlan c, int charge) => charge == 1
        ? DefaultOffences.OrganizedCriminalGroupId
        : c.Theme % 4 == 1 ? DefaultOffences.ForcedLabourId : DefaultOffences.TraffickingId;

    public static string DefendantName(int i, int d) => DefendantNames[(int)(Hash(i, 40 + d) % (ulong)DefendantNames.Length)];

    public static string Country(int i, int salt) => Countries[(int)(Hash(i, salt) % (ulong)Countries.Length)];

    public static string Court(int i) => Courts[(int)(Hash(i, 50) % 3)];

    public static string FactValue(int i, int charge, ChargeElement element) => element switch
    {
        ChargeElement.Act => Acts[(int)(Hash(i, 60 + charge) % (ulong)Acts.Length)].ToString(),
        ChargeElement.Means => Means[(int)(Hash(i, 70 + charge) % (ulong)Means.Length)].ToString(),
        ChargeElement.Purpose => Purposes[(int)(Hash(i, 80 + charge) % (ulong)Purposes.Length)].ToString(),
        // Only forced labour charges record it (ChargeFactsLoad): the labour exacted.
        _ => nameof(ExploitationForm.ForcedLabourOrServices),
    };

    public static int Hearings(Plan plan, int i) => plan.EnteredAt(i, CaseStage.Trial) is null ? 0 : 2 + (int)(Hash(i, 90) % 3);

    public static int Requests(in CasePlan c, int i) =>
        c.Scope == CaseScope.Transnational && Plan.Furthest(c) >= CaseStage.Investigation ? 1 + (int)(Hash(i, 100) % 2) : 0;

    public static int Assets(in CasePlan c, int i) => Defendants(c, i) > 0 && Hash(i, 110) % 5 < 2 ? 1 + (int)(Hash(i, 111) % 2) : 0;

    public static string Subject(int i, int r) => Subjects[(int)(Hash(i, 120 + r) % (ulong)Subjects.Length)];

    public static AssetKind AssetKindOf(int i, int a) => AssetKinds[(int)(Hash(i, 130 + a) % (ulong)AssetKinds.Length)];

    public static string AssetDescription(AssetKind kind) => AssetDescriptions[Array.IndexOf(AssetKinds, kind)];

    public static void UuidArray(this NpgsqlBinaryImporter w, Guid[] values) => w.Write(values, NpgsqlDbType.Array | NpgsqlDbType.Uuid);
}

internal sealed class DefendantsLoad : TableLoad
{
    public override string Table => "defendants";

    public override string[] Columns =>
        ["id", "case_id", "kind", "name", "date_of_birth", "nationality", "is_stateless", "custody", "is_present_in_territory", "extradition_refusal", "created_at", "created_by"];

    public override long Estimate(Plan plan) => plan.Cases.Length;

    public override long Write(NpgsqlBinaryImporter w, Plan plan, LoadContext context)
    {
        long rows = 0;
        for (var i = 0; i < plan.Cases.Length; i++)
        {
            ref readonly var c = ref plan.Cases[i];
            var count = Prosecution.Defendants(c, i);
            for (var d = 0; d < count; d++)
            {
                var foreign = Prosecution.Hash(i, 200 + d) % 3 == 0;
                var custody = c.IsOpen
                    ? (CustodyStatus)(1 + (int)(Prosecution.Hash(i, 210 + d) % 5))
                    : CustodyStatus.AtLiberty;
                w.StartRow();
                w.Uuid(Prosecution.Id(c.Id, Prosecution.DefendantRow, d));
                w.Uuid(c.Id);
                w.Enum(DefendantKind.NaturalPerson);
                w.Text(Prosecution.DefendantName(i, d));
                w.Date(new DateOnly(1960 + (int)(Prosecution.Hash(i, 220 + d) % 40), 1 + (int)(Prosecution.Hash(i, 221 + d) % 12), 1 + (int)(Prosecution.Hash(i, 222 + d) % 28)));
                w.Text(foreign ? Prosecution.Country(i, 230 + d) : null);
                w.Bool(false);
                w.Enum(custody);
                w.Bool(custody is not (CustodyStatus.FugitiveOrWanted or CustodyStatus.Abroad));
                w.Enum(ExtraditionRefusal.None);
                w.Moment(c.OpenedAt + (7 * 86_400));
                w.Uuid(context.User(c.Investigator));
                rows++;
            }
        }
        return rows;
    }
}

/// <summary>Charges with their act, means and purpose (a fact each, for trafficking).</summary>
internal sealed class ChargesLoad : TableLoad
{
    public override string Table => "charges";

    public override string[] Columns =>
        ["id", "case_id", "defendant_id", "offence_id", "mode", "mental_element", "particulars", "status", "status_on", "sentence_confiscation_ordered",
         "created_at", "created_by", "changed_at", "changed_by"];

    public override long Estimate(Plan plan) => plan.Cases.Length;

    public override long Write(NpgsqlBinaryImporter w, Plan plan, LoadContext context)
    {
        long rows = 0;
        for (var i = 0; i < plan.Cases.Length; i++)
        {
            ref readonly var c = ref plan.Cases[i];
            if (!Prosecution.Charged(c))
            {
                continue;
            }
            var by = context.User(c.Prosecutor >= 0 ? c.Prosecutor : c.Investigator);
            var defendants = Prosecution.Defendants(c, i);
            for (var d = 0; d < defendants; d++)
            {
                var (status, on, filedAt) = Prosecution.ChargeState(plan, i, d);
                for (var k = 0; k < Prosecution.ChargesOf(c, d); k++)
                {
                    w.StartRow();
                    w.Uuid(Prosecution.Id(c.Id, Prosecution.ChargeRow, (d * 4) + k));
                    w.Uuid(c.Id);
                    w.Uuid(Prosecution.Id(c.Id, Prosecution.DefendantRow, d));
                    w.Uuid(Prosecution.OffenceFor(c, k));
                    w.Enum(k == 1 ? ModeOfLiability.OrganizingOrDirecting : ModeOfLiability.Principal);
                    w.Enum(MentalElement.Intention);
                    w.Text("Recruited and transported the victims for exploitation, as set out in the file.");
                    w.Enum(status);
                    w.Date(on);
                    w.Bool(status == ChargeStatus.Convicted);
                    w.Moment(filedAt);
                    w.Uuid(by);
                    w.Moment(Math.Max(filedAt, Plan.Seconds(on, 12, 0)));
                    w.Uuid(by);
                    rows++;
                }
            }
        }
        return rows;
    }
}

internal sealed class ChargeFactsLoad : TableLoad
{
    private static readonly ChargeElement[] Elements = [ChargeElement.Act, ChargeElement.Means, ChargeElement.Purpose, ChargeElement.Exploitation];

    public override string Table => "charge_facts";

    public override string[] Columns => ["id", "charge_id", "case_id", "element", "value", "evidence"];

    public override long Estimate(Plan plan) => plan.Cases.Length * 2L;

    public override long Write(NpgsqlBinaryImporter w, Plan plan, LoadContext context)
    {
        long rows = 0;
        for (var i = 0; i < plan.Cases.Length; i++)
        {
            ref readonly var c = ref plan.Cases[i];
            if (!Prosecution.Charged(c))
            {
                continue;
            }
            var defendants = Prosecution.Defendants(c, i);
            for (var d = 0; d < defendants; d++)
            {
                // The trafficking (or forced labour) charge: the second one of an organizer is membership of the group.
                // Forced labour charged on its own also records the exploitation that took place (what it needs).
                var charge = d * 4;
                var elements = Prosecution.OffenceFor(c, 0) == DefaultOffences.ForcedLabourId ? Elements.Length : Elements.Length - 1;
                for (var e = 0; e < elements; e++)
                {
                    w.StartRow();
                    w.Uuid(Prosecution.Id(c.Id, Prosecution.FactRow, (charge * 4) + e));
                    w.Uuid(Prosecution.Id(c.Id, Prosecution.ChargeRow, charge));
                    w.Uuid(c.Id);
                    w.Enum(Elements[e]);
                    w.Text(Prosecution.FactValue(i, d, Elements[e]));
                    w.Text("Victim statements and the financial investigation.");
                    rows++;
                }
            }
        }
        return rows;
    }
}

/// <summary>Hearings of cases that reached trial: those before the verdict held, the last of a case
/// still in trial scheduled within the coming month with its first victim as a witness.</summary>
internal sealed class HearingsLoad : TableLoad
{
    public override string Table => "hearings";

    public override string[] Columns => ["id", "case_id", "starts_at", "court", "kind", "status", "outcome", "created_at", "created_by"];

    public override long Estimate(Plan plan) => plan.Cases.Length / 2;

    public override long Write(NpgsqlBinaryImporter w, Plan plan, LoadContext context)
    {
        long rows = 0;
        var now = plan.Now.ToUnixTimeSeconds();
        for (var i = 0; i < plan.Cases.Length; i++)
        {
            ref readonly var c = ref plan.Cases[i];
            var count = Prosecution.Hearings(plan, i);
            if (count == 0)
            {
                continue;
            }
            var trial = plan.EnteredAt(i, CaseStage.Trial)!.Value;
            var end = plan.EnteredAt(i, CaseStage.PostTrial) ?? (c.IsOpen ? now : plan.ChangeAt(i, c.Changes - 1));
            var by = context.User(c.Prosecutor >= 0 ? c.Prosecutor : c.Investigator);
            for (var h = 0; h < count; h++)
            {
                var upcoming = c.Stage == CaseStage.Trial && h == count - 1;
                var day = upcoming
                    ? Plan.Day(now).AddDays(1 + (int)(Prosecution.Hash(i, 300) % 30))
                    : Plan.Day(trial + ((end - trial) * (h + 1) / (count + 1)));
                var kind = h == 0 ? HearingKind.PreTrial : upcoming || h < count - 1 ? HearingKind.Trial : HearingKind.Sentencing;
                w.StartRow();
                w.Uuid(Prosecution.Id(c.Id, Prosecution.HearingRow, h));
                w.Uuid(c.Id);
                w.Moment(Plan.Seconds(day, 9 + (h % 5), 0));
                w.Text(Prosecution.Court(i));
                w.Enum(kind);
                w.Enum(upcoming ? HearingStatus.Scheduled : HearingStatus.Held);
                w.Text(upcoming ? null : "Heard; the court continued with the next steps.");
                w.Moment(Math.Min(now - 3600, Plan.Seconds(day, 8, 0) - (14 * 86_400)));
                w.Uuid(by);
                rows++;
            }
        }
        return rows;
    }
}

internal sealed class HearingWitnessesLoad : TableLoad
{
    public override string Table => "hearing_witnesses";

    public override string[] Columns => ["id", "hearing_id", "case_id", "victim_id"];

    public override long Estimate(Plan plan) => plan.Cases.Length / 20;

    public override long Write(NpgsqlBinaryImporter w, Plan plan, LoadContext context)
    {
        long rows = 0;
        for (var i = 0; i < plan.Cases.Length; i++)
        {
            ref readonly var c = ref plan.Cases[i];
            if (c.Stage != CaseStage.Trial || c.VictimCount == 0)
            {
                continue;
            }
            var last = Prosecution.Hearings(plan, i) - 1;
            w.StartRow();
            w.Uuid(Prosecution.Id(c.Id, Prosecution.WitnessRow, 0));
            w.Uuid(Prosecution.Id(c.Id, Prosecution.HearingRow, last));
            w.Uuid(c.Id);
            w.Uuid(plan.Victims[c.FirstVictim].Id);
            rows++;
        }
        return rows;
    }
}

/// <summary>Requests of transnational cases: mostly outgoing mutual legal assistance under the
/// Convention; executed on closed cases, on open ones sent (due in 90 days, so some overdue),
/// acknowledged or executed.</summary>
internal sealed class CooperationRequestsLoad : TableLoad
{
    private static readonly string[][] Assistance =
    [
        [nameof(AssistanceKind.RecordsOriginalsOrCertifiedCopies), nameof(AssistanceKind.TracingProceedsPropertyInstrumentalities)],
        [nameof(AssistanceKind.TakingEvidenceOrStatements)],
        [nameof(AssistanceKind.ServingJudicialDocuments)],
        [nameof(AssistanceKind.SearchesSeizuresAndFreezing), nameof(AssistanceKind.TracingProceedsPropertyInstrumentalities)],
    ];

    public override string Table => "cooperation_requests";

    public override string[] Columns =>
        ["id", "case_id", "kind", "direction", "counterpart_state", "authority", "legal_basis", "subject", "assistance", "defendant_ids", "confidential",
         "use_limited_to_stated_purpose", "status", "sent_on", "acknowledged_on", "due_on", "answered_on", "refused_because_national", "created_by", "created_at"];

    public override long Estimate(Plan plan) => plan.Cases.Length / 3;

    public override long Write(NpgsqlBinaryImporter w, Plan plan, LoadContext context)
    {
        long rows = 0;
        var now = plan.Now.ToUnixTimeSeconds();
        var today = Plan.Day(now);
        for (var i = 0; i < plan.Cases.Length; i++)
        {
            ref readonly var c = ref plan.Cases[i];
            var count = Prosecution.Requests(c, i);
            var investigation = plan.EnteredAt(i, CaseStage.Investigation) ?? c.OpenedAt;
            var end = c.IsOpen ? now - (2 * 86_400) : plan.ChangeAt(i, c.Changes - 1);
            for (var r = 0; r < count; r++)
            {
                var h = Prosecution.Hash(i, 400 + r);
                var createdAt = investigation + (long)(h % (ulong)Math.Max(1, end - investigation));
                var sent = Plan.Day(createdAt).AddDays(2);
                var due = sent.AddDays(90);
                var status = !c.IsOpen ? CooperationStatus.Executed
                    : (h >> 8) % 4 == 0 ? CooperationStatus.Executed
                    : (h >> 8) % 4 == 1 ? CooperationStatus.Acknowledged
                    : CooperationStatus.Sent;
                var answered = status == CooperationStatus.Executed ? Min(sent.AddDays(30 + (int)((h >> 16) % 120)), today) : (DateOnly?)null;
                var assistance = Assistance[(int)((h >> 24) % (ulong)Assistance.Length)];
                w.StartRow();
                w.Uuid(Prosecution.Id(c.Id, Prosecution.RequestRow, r));
                w.Uuid(c.Id);
                w.Enum((h >> 32) % 10 == 0 ? CooperationKind.Informal : CooperationKind.MutualLegalAssistance);
                w.Enum((h >> 36) % 5 == 0 ? CooperationDirection.Incoming : CooperationDirection.Outgoing);
                w.Text(Prosecution.Country(i, 410 + r));
                w.Text("Ministry of Justice, central authority");
                w.Enum(LegalBasis.Convention);
                w.Text(Prosecution.Subject(i, r));
                w.TextArray(assistance);
                w.UuidArray([]);
                w.Bool(false);
                w.Bool(true);
                w.Enum(status);
                w.Date(sent);
                w.Date(status == CooperationStatus.Sent ? null : Min(sent.AddDays(10), today));
                w.Date(due);
                w.Date(answered);
                w.Bool(false);
                w.Uuid(context.User(c.Prosecutor >= 0 ? c.Prosecutor : c.Investigator));
                w.Moment(createdAt);
                rows++;
            }
        }
        return rows;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

/// <summary>Assets traced to a defendant: identified, frozen and seized during the investigation,
/// confiscated (conviction based, the value realised) when the case ended in a conviction.</summary>
internal sealed class AssetsLoad : TableLoad
{
    public override string Table => "assets";

    public override string[] Columns =>
        ["id", "case_id", "description", "kind", "holder_defendant_id", "charge_ids", "predicate_offence_abroad", "current_step", "basis",
         "estimated_value", "estimated_currency", "realised_value", "realised_currency", "created_by", "created_at"];

    public override long Estimate(Plan plan) => plan.Cases.Length / 4;

    public override long Write(NpgsqlBinaryImporter w, Plan plan, LoadContext context)
    {
        long rows = 0;
        for (var i = 0; i < plan.Cases.Length; i++)
        {
            ref readonly var c = ref plan.Cases[i];
            var count = Prosecution.Assets(c, i);
            for (var a = 0; a < count; a++)
            {
                var (last, _) = AssetStepsLoad.Last(plan, i, a);
                var kind = Prosecution.AssetKindOf(i, a);
                var value = 1000m * (1 + (int)(Prosecution.Hash(i, 500 + a) % 200));
                var confiscated = last == AssetStep.Confiscated;
                w.StartRow();
                w.Uuid(Prosecution.Id(c.Id, Prosecution.AssetRow, a));
                w.Uuid(c.Id);
                w.Text(Prosecution.AssetDescription(kind));
                w.Enum(kind);
                w.Uuid(Prosecution.Id(c.Id, Prosecution.DefendantRow, 0));
                w.UuidArray([]);
                w.Bool(false);
                w.Enum(last);
                w.Enum(confiscated ? ConfiscationBasis.ConvictionBased : (ConfiscationBasis?)null);
                w.Money(value);
                w.Text("EUR");
                w.Money(confiscated ? value * 0.8m : null);
                w.Text(confiscated ? "EUR" : null);
                w.Uuid(context.User(c.Investigator));
                w.Moment(AssetStepsLoad.At(plan, i, a, 0));
                rows++;
            }
        }
        return rows;
    }
}

internal sealed class AssetStepsLoad : TableLoad
{
    public override string Table => "asset_steps";

    public override string[] Columns => ["id", "asset_id", "case_id", "step", "on", "note"];

    public override long Estimate(Plan plan) => plan.Cases.Length / 2;

    /// <summary>The asset's last step and how many it took.</summary>
    public static (AssetStep Last, int Steps) Last(Plan plan, int i, int a)
    {
        ref readonly var c = ref plan.Cases[i];
        var convicted = Prosecution.Charged(c) && Prosecution.ChargeState(plan, i, 0).Status == ChargeStatus.Convicted;
        if (convicted)
        {
            return (AssetStep.Confiscated, 4);
        }
        var steps = 1 + (int)(Prosecution.Hash(i, 510 + a) % 3);
        return ((AssetStep)steps, steps);
    }

    /// <summary>When the asset took its n-th step: during the investigation, confiscation at the verdict.</summary>
    public static long At(Plan plan, int i, int a, int step)
    {
        ref readonly var c = ref plan.Cases[i];
        var from = plan.EnteredAt(i, CaseStage.Investigation) ?? c.OpenedAt;
        if (step == 3 && plan.EnteredAt(i, CaseStage.PostTrial) is { } verdict)
        {
            return verdict;
        }
        var to = plan.EnteredAt(i, CaseStage.PreTrial) ?? Math.Max(from + 86_400, plan.Now.ToUnixTimeSeconds() - 86_400);
        return from + ((to - from) * (step + 1) / 5) + (a * 3600);
    }

    public override long Write(NpgsqlBinaryImporter w, Plan plan, LoadContext context)
    {
        long rows = 0;
        for (var i = 0; i < plan.Cases.Length; i++)
        {
            ref readonly var c = ref plan.Cases[i];
            var count = Prosecution.Assets(c, i);
            for (var a = 0; a < count; a++)
            {
                var (_, steps) = Last(plan, i, a);
                for (var s = 0; s < steps; s++)
                {
                    w.StartRow();
                    w.Uuid(Prosecution.Id(c.Id, Prosecution.AssetStepRow, (a * 8) + s));
                    w.Uuid(Prosecution.Id(c.Id, Prosecution.AssetRow, a));
                    w.Uuid(c.Id);
                    w.Enum((AssetStep)(s + 1));
                    w.Date(Plan.Day(At(plan, i, a, s)));
                    w.Text(null);
                    rows++;
                }
            }
        }
        return rows;
    }
}
