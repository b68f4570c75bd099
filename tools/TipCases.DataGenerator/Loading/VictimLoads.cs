using Npgsql;
using TipCases.DataGenerator.Planning;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;

namespace TipCases.DataGenerator.Loading;

/// <summary>
/// Victims with a pseudonym and an identity encrypted by the app's own <see cref="IIdentityProtector"/>
/// under the configured key, so the app decrypts it like any other. The identities are synthetic:
/// invented names, and a note saying so where a document number would be.
/// </summary>
internal sealed class VictimsLoad : TableLoad
{
    private static readonly string[][] ThemeForms = Vocabulary.Themes
        .Select(t => t.Forms.Distinct().Order().Select(f => f.ToString()).ToArray()).ToArray();

    public override string Table => "victims";

    public override string[] Columns =>
    [
        "id", "office_id", "pseudonym", "identity_ciphertext", "sex", "nationality", "migration_status", "disability", "interpreter_needed",
        "languages", "exploitation", "identified_by", "identified_on", "referred_to", "willingness", "liaison_officer_id", "child_status",
        "child_status_reason", "age_at_offence", "non_punishment_flagged", "non_punishment_note", "non_punishment_review", "created_at", "created_by",
    ];

    public override long Estimate(Plan plan) => plan.Victims.Length * 4L;

    public override long Write(NpgsqlBinaryImporter w, Plan plan, LoadContext context)
    {
        var random = context.RandomFor(Table);
        var periods = new List<OffencePeriod>(2);
        // Encryption is the costly part (a fresh AES-GCM context per identity in the app's
        // protector): each batch is encrypted on every core, then written in order.
        const int Batch = 4096;
        var identities = new ProtectedIdentity[Batch];
        var ciphertexts = new byte[Batch][];
        for (var from = 0; from < plan.Victims.Length; from += Batch)
        {
            var size = Math.Min(Batch, plan.Victims.Length - from);
            for (var k = 0; k < size; k++)
            {
                identities[k] = new ProtectedIdentity(
                    Vocabulary.GivenNames[random.Next(Vocabulary.GivenNames.Length)],
                    Vocabulary.FamilyNames[random.Next(Vocabulary.FamilyNames.Length)],
                    plan.Victims[from + k].DateOfBirth,
                    random.NextDouble() < 0.4 ? Phones[random.Next(Phones.Length)] : null,
                    null,
                    random.NextDouble() < 0.5 ? "Synthetic address: care of the support organisation" : null,
                    "Synthetic record made by the TipCases data generator: no real person.");
            }
            var first = from;
            Parallel.For(0, size, k => ciphertexts[k] = context.Protector.Protect(identities[k], plan.Victims[first + k].Id));
            for (var k = 0; k < size; k++)
            {
                WriteRow(w, plan, context, random, periods, from + k, ciphertexts[k]);
            }
        }
        return plan.Victims.Length;
    }

    private static readonly string[] Phones = Enumerable.Range(0, 100)
        .Select(i => "+00 555 0100 " + (1000 + (i * 89)).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static void WriteRow(NpgsqlBinaryImporter w, Plan plan, LoadContext context, Random random, List<OffencePeriod> periods, int v,
        byte[] ciphertext)
    {
        ref readonly var victim = ref plan.Victims[v];
        ref readonly var c = ref plan.Cases[victim.Case];
        periods.Clear();
        periods.Add(Period(plan, victim.Case));
        if (victim.SecondCase >= 0)
        {
            periods.Add(Period(plan, victim.SecondCase));
        }
        var child = ChildRule.Assess(victim.DateOfBirth, periods);
        var recordedOn = Plan.Day(victim.RecordedAt);
        var foreign = victim.Migration != MigrationStatus.Citizen;
        var sex = random.NextDouble() switch
        {
            < 0.58 => Sex.Female,
            < 0.95 => Sex.Male,
            < 0.96 => Sex.Other,
            _ => Sex.Unknown,
        };
        var flagged = random.NextDouble() < (Vocabulary.Themes[c.Theme].Forms.Contains(ExploitationForm.ForcedCriminalActivities) ? 0.25 : 0.01);

        w.StartRow();
        w.Uuid(victim.Id);
        w.Uuid(plan.Offices[victim.Office].Id);
        w.Text(plan.Pseudonym(victim));
        w.Write(ciphertext, NpgsqlTypes.NpgsqlDbType.Bytea);
        w.Enum(sex);
        w.Text(foreign ? Vocabulary.Nationalities[random.Next(Vocabulary.Nationalities.Length)] : Vocabulary.HomeNationality);
        w.Enum(victim.Migration);
        w.Text(random.NextDouble() < 0.05 ? "Hearing impairment" : null);
        w.Bool(foreign && random.NextDouble() < 0.7);
        w.Text(foreign ? Vocabulary.Languages[random.Next(Vocabulary.Languages.Length)] : null);
        w.TextArray(ThemeForms[c.Theme]);
        w.Enum((IdentifiedBy)(1 + random.Next(7)));
        w.Date(recordedOn.AddDays(-random.Next(4)));
        w.Text(random.NextDouble() < 0.6 ? Vocabulary.ReferredTo[random.Next(Vocabulary.ReferredTo.Length)] : null);
        w.Enum((WillingnessToTestify)(1 + random.Next(3)));
        w.Uuid(victim.Liaison >= 0 ? context.User(victim.Liaison) : null);
        w.Enum(child.Status);
        w.Text(child.Reason);
        w.Int(child.AgeAtOffence);
        w.Bool(flagged);
        w.Text(flagged ? "Suspected of offences committed while under the traffickers' control." : null);
        w.Enum(flagged ? (NonPunishmentReview?)(1 + random.Next(3)) : null);
        w.Moment(victim.RecordedAt);
        w.Uuid(context.User(victim.Liaison >= 0 ? victim.Liaison : c.Investigator));
    }

    private static OffencePeriod Period(Plan plan, int caseIndex)
    {
        ref readonly var c = ref plan.Cases[caseIndex];
        return new(plan.Reference(c), c.OffenceFrom, c.OffenceTo, Plan.Day(c.OpenedAt));
    }
}

internal sealed class CaseVictimsLoad : TableLoad
{
    public override string Table => "case_victims";

    public override string[] Columns => ["id", "victim_id", "case_id", "linked_at"];

    public override long Estimate(Plan plan) => plan.Victims.Length;

    public override long Write(NpgsqlBinaryImporter w, Plan plan, LoadContext context)
    {
        var random = context.RandomFor(Table);
        foreach (ref readonly var victim in plan.Victims.AsSpan())
        {
            w.StartRow();
            w.Uuid(Ids.V7(victim.RecordedAt, random));
            w.Uuid(victim.Id);
            w.Uuid(plan.Cases[victim.Case].Id);
            w.Moment(victim.RecordedAt);
        }
        foreach (var (v, c, at) in plan.SecondLinks)
        {
            w.StartRow();
            w.Uuid(Ids.V7(at, random));
            w.Uuid(plan.Victims[v].Id);
            w.Uuid(plan.Cases[c].Id);
            w.Moment(at);
        }
        return plan.Victims.Length + plan.SecondLinks.Length;
    }
}

/// <summary>
/// What liaison officers log. On open cases the latest step is recent for most victims (within 30
/// days for about two in three) and usually sets a follow-up, some of them overdue; closed cases
/// have a few older steps. Only victims with a liaison officer have steps.
/// </summary>
internal sealed class SupportStepsLoad : TableLoad
{
    private const long Day = 86_400;

    private static readonly double StepWeightTotal = Vocabulary.SupportSteps.Sum(s => s.Weight);

    public override string Table => "victim_support_steps";

    public override string[] Columns =>
        ["id", "victim_id", "case_id", "took_place_on", "kind", "summary", "by_user_id", "next_follow_up_on", "created_at"];

    public override long Estimate(Plan plan) => plan.Victims.Length * 3L;

    public override long Write(NpgsqlBinaryImporter w, Plan plan, LoadContext context)
    {
        var random = context.RandomFor(Table);
        var today = plan.Today;
        var now = plan.Now.ToUnixTimeSeconds();
        Span<int> days = stackalloc int[8];
        long rows = 0;
        foreach (ref readonly var victim in plan.Victims.AsSpan())
        {
            if (victim.Liaison < 0)
            {
                continue;
            }
            ref readonly var c = ref plan.Cases[victim.Case];
            var first = Plan.Day(victim.RecordedAt).DayNumber;
            int latest;
            int count;
            if (c.IsOpen)
            {
                // Exponential gap since the latest step: about two in three within 30 days.
                var gap = (int)(-Math.Log(1 - random.NextDouble()) * 28);
                latest = Math.Max(first, today.DayNumber - gap);
                count = 1 + random.Next(6);
            }
            else
            {
                var closed = Plan.Day(plan.ChangeAt(victim.Case, c.Changes - 1)).DayNumber;
                latest = Math.Max(first, Math.Min(today.DayNumber, closed + random.Next(60)) - random.Next(30));
                count = random.Next(4);
            }
            // Dates from the latest back, 7 to 60 days apart, never before the victim was recorded.
            var n = 0;
            for (var day = latest; n < count && day >= first; day -= 7 + random.Next(54))
            {
                days[n++] = day;
            }
            for (var k = n - 1; k >= 0; k--)
            {
                var on = DateOnly.FromDayNumber(days[k]);
                var isLatest = k == 0;
                DateOnly? followUp = isLatest
                    ? (c.IsOpen ? random.NextDouble() < 0.75 : random.NextDouble() < 0.2) ? on.AddDays(3 + random.Next(33)) : null
                    : random.NextDouble() < 0.7 ? on.AddDays(7 + random.Next(22)) : null;
                var (kind, _, summaries) = Vocabulary.SupportSteps[PickKind(random)];
                var createdAt = Math.Min(Plan.Seconds(on, 9 + random.Next(8), random.Next(60)), now - 60);
                w.StartRow();
                w.Uuid(Ids.V7(createdAt, random));
                w.Uuid(victim.Id);
                w.Uuid(random.NextDouble() < 0.9 ? c.Id : null);
                w.Date(on);
                w.Enum(kind);
                w.Text(summaries[random.Next(summaries.Length)]);
                w.Uuid(context.User(victim.Liaison));
                w.Date(followUp);
                w.Moment(createdAt);
                rows++;
            }
        }
        return rows;
    }

    private static int PickKind(Random random)
    {
        var r = random.NextDouble() * StepWeightTotal;
        for (var i = 0; i < Vocabulary.SupportSteps.Length; i++)
        {
            r -= Vocabulary.SupportSteps[i].Weight;
            if (r < 0)
            {
                return i;
            }
        }
        return Vocabulary.SupportSteps.Length - 1;
    }
}

/// <summary>
/// The protection plan: a child victim's measures proposed automatically when the victim was
/// recorded (as <see cref="Victim.AssessChildStatus"/> does), and for about a third of the victims of
/// cases that reached pre-trial, trial or post-trial, measures of that stage, in place while the
/// case is there and ended after.
/// </summary>
internal sealed class ProtectionMeasuresLoad : TableLoad
{
    private const string ProposedNote = "Proposed because the victim was a child at the time of the offence.";

    private static readonly CatalogueEntry[] ChildEntries = ProtectionCatalogue.All.Where(e => e.ForChildren).ToArray();

    private static readonly Dictionary<ProtectionStage, CatalogueEntry[]> ByStage = ProtectionCatalogue.All.Where(e => !e.ForChildren)
        .GroupBy(e => e.Stage).ToDictionary(g => g.Key, g => g.ToArray());

    public override string Table => "victim_protection_measures";

    public override string[] Columns =>
        ["id", "victim_id", "kind", "stage", "status", "planned_on", "started_on", "ended_on", "notes", "proposed_automatically"];

    public override long Estimate(Plan plan) => plan.Victims.Length;

    public override long Write(NpgsqlBinaryImporter w, Plan plan, LoadContext context)
    {
        var random = context.RandomFor(Table);
        var today = plan.Today;
        long rows = 0;
        void Row(Guid victimId, CatalogueEntry entry, MeasureStatus status, DateOnly planned, DateOnly? started, DateOnly? ended, string? notes, bool proposed)
        {
            w.StartRow();
            w.Uuid(Ids.V7(Plan.Seconds(planned, 10, 0), random));
            w.Uuid(victimId);
            w.Enum(entry.Kind);
            w.Enum(entry.Stage);
            w.Enum(status);
            w.Date(planned);
            w.Date(started);
            w.Date(ended);
            w.Text(notes);
            w.Bool(proposed);
            rows++;
        }
        for (var v = 0; v < plan.Victims.Length; v++)
        {
            ref readonly var victim = ref plan.Victims[v];
            var recordedOn = Plan.Day(victim.RecordedAt);
            if (victim.ChildStatus == ChildStatus.Child)
            {
                foreach (var entry in ChildEntries)
                {
                    Row(victim.Id, entry, MeasureStatus.Planned, recordedOn, null, null, ProposedNote, true);
                }
            }
            ref readonly var c = ref plan.Cases[victim.Case];
            foreach (var (stage, caseStage) in StageOrder)
            {
                if (plan.EnteredAt(victim.Case, caseStage) is not { } entered || random.NextDouble() >= 0.35)
                {
                    continue;
                }
                var options = ByStage[stage];
                var first = random.Next(options.Length);
                var count = random.NextDouble() < 0.3 ? 2 : 1;
                var planned = Max(recordedOn, Plan.Day(entered));
                var started = planned.AddDays(random.Next(15));
                var stillThere = c.Stage == caseStage;
                for (var k = 0; k < count; k++)
                {
                    var entry = options[(first + k) % options.Length];
                    if (started > today)
                    {
                        Row(victim.Id, entry, MeasureStatus.Planned, planned, null, null, null, false);
                    }
                    else if (stillThere)
                    {
                        Row(victim.Id, entry, MeasureStatus.InPlace, planned, started, null, null, false);
                    }
                    else
                    {
                        var ended = Min(today, started.AddDays(30 + random.Next(300)));
                        Row(victim.Id, entry, MeasureStatus.Ended, planned, started, ended, null, false);
                    }
                }
            }
        }
        return rows;
    }

    private static readonly (ProtectionStage, CaseStage)[] StageOrder =
        [(ProtectionStage.PreTrial, CaseStage.PreTrial), (ProtectionStage.Trial, CaseStage.Trial), (ProtectionStage.PostTrial, CaseStage.PostTrial)];

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

internal sealed class ThreatsLoad : TableLoad
{
    public override string Table => "victim_threats";

    public override string[] Columns =>
        ["id", "victim_id", "case_id", "occurred_on", "kind", "description", "reported_to_police", "by_user_id", "created_at", "safety_review_task_id"];

    public override long Estimate(Plan plan) => plan.Threats.Length;

    public override long Write(NpgsqlBinaryImporter w, Plan plan, LoadContext context)
    {
        foreach (ref readonly var threat in plan.Threats.AsSpan())
        {
            var (kind, description) = Vocabulary.Threats[threat.Kind];
            w.StartRow();
            w.Uuid(threat.Id);
            w.Uuid(plan.Victims[threat.Victim].Id);
            w.Uuid(plan.Cases[threat.Case].Id);
            w.Date(Plan.Day(threat.At));
            w.Enum(kind);
            w.Text(description);
            w.Bool(threat.ReportedToPolice);
            w.Uuid(context.User(threat.By));
            w.Moment(threat.At);
            w.Uuid(threat.TaskId == Guid.Empty ? null : threat.TaskId);
        }
        return plan.Threats.Length;
    }
}

/// <summary>Victims without a secure status: a reflection period, then mostly a temporary stay
/// permit (some expiring within 30 days, some expired) or a return after a risk assessment.</summary>
internal sealed class ResidenceLoad : TableLoad
{
    public override string Table => "victim_residence";

    public override string[] Columns => ["id", "victim_id", "kind", "starts_on", "expires_on", "risk_assessed_on", "notes", "created_at"];

    public override long Estimate(Plan plan) => plan.Victims.Length / 4;

    public override long Write(NpgsqlBinaryImporter w, Plan plan, LoadContext context)
    {
        var random = context.RandomFor(Table);
        var today = plan.Today;
        long rows = 0;
        void Row(Guid victimId, ResidenceKind kind, DateOnly starts, DateOnly? expires, DateOnly? assessed)
        {
            var at = Plan.Seconds(starts, 11, 0);
            w.StartRow();
            w.Uuid(Ids.V7(at, random));
            w.Uuid(victimId);
            w.Enum(kind);
            w.Date(starts);
            w.Date(expires);
            w.Date(assessed);
            w.Text(null);
            w.Moment(at);
            rows++;
        }
        foreach (ref readonly var victim in plan.Victims.AsSpan())
        {
            if (victim.Migration is not (MigrationStatus.IrregularMigrant or MigrationStatus.AsylumSeeker or MigrationStatus.Stateless or MigrationStatus.Unknown)
                || random.NextDouble() >= 0.6)
            {
                continue;
            }
            var recordedOn = Plan.Day(victim.RecordedAt);
            var reflectionEnds = recordedOn.AddDays(90);
            Row(victim.Id, ResidenceKind.ReflectionPeriod, recordedOn, reflectionEnds, null);
            var next = random.NextDouble();
            if (next < 0.65 && reflectionEnds <= today)
            {
                Row(victim.Id, ResidenceKind.TemporaryStayPermit, reflectionEnds, reflectionEnds.AddDays(random.NextDouble() < 0.5 ? 365 : 180), null);
            }
            else if (next < 0.80)
            {
                var returns = recordedOn.AddDays(30 + random.Next(170));
                if (returns <= today)
                {
                    Row(victim.Id, ResidenceKind.Return, returns, null, returns.AddDays(-7));
                }
            }
        }
        return rows;
    }
}

/// <summary>Claims for victims of cases that reached trial: awarded for most that reached
/// post-trial, paid in full, in part or not yet.</summary>
internal sealed class CompensationClaimsLoad : TableLoad
{
    private const long Day = 86_400;

    private static readonly string[] Currencies = ["EUR", "EUR", "EUR", "EUR", "EUR", "EUR", "EUR", "EUR", "GBP", "USD"];

    public override string Table => "victim_compensation_claims";

    public override string[] Columns =>
    [
        "id", "victim_id", "case_id", "route", "heads", "currency", "amount_claimed", "amount_awarded", "amount_paid", "source", "notes",
        "created_at",
    ];

    public override long Estimate(Plan plan) => plan.Victims.Length / 10;

    public override long Write(NpgsqlBinaryImporter w, Plan plan, LoadContext context)
    {
        var random = context.RandomFor(Table);
        var now = plan.Now.ToUnixTimeSeconds();
        var heads = Enum.GetValues<CompensationHead>();
        long rows = 0;
        var chosen = new List<CompensationHead>(3);
        foreach (ref readonly var victim in plan.Victims.AsSpan())
        {
            if (plan.EnteredAt(victim.Case, CaseStage.Trial) is not { } trial || random.NextDouble() >= 0.25)
            {
                continue;
            }
            var at = Math.Min(now - 60, trial + random.NextInt64(60 * Day));
            var claimed = Math.Round((decimal)(500 + (random.NextDouble() * 59_500)), 2);
            decimal? awarded = plan.EnteredAt(victim.Case, CaseStage.PostTrial) is not null && random.NextDouble() < 0.65
                ? Math.Round(claimed * (decimal)(0.4 + (random.NextDouble() * 0.6)), 2)
                : null;
            var paid = awarded is { } a
                ? random.NextDouble() switch { < 0.35 => a, < 0.65 => Math.Round(a * (decimal)random.NextDouble(), 2), _ => 0m }
                : 0m;
            chosen.Clear();
            var first = random.Next(heads.Length);
            for (var k = 0; k < 1 + random.Next(3); k++)
            {
                chosen.Add(heads[(first + k) % heads.Length]);
            }
            chosen.Sort();
            w.StartRow();
            w.Uuid(Ids.V7(at, random));
            w.Uuid(victim.Id);
            w.Uuid(plan.Cases[victim.Case].Id);
            w.Enum((CompensationRoute)(1 + random.Next(5)));
            w.TextArray(chosen.Select(EnumNames<CompensationHead>.Of).ToArray());
            w.Write(Currencies[random.Next(Currencies.Length)], NpgsqlTypes.NpgsqlDbType.Char);
            w.Money(claimed);
            w.Money(awarded);
            w.Money(paid);
            w.Enum(paid > 0 ? (CompensationSource?)(1 + random.Next(3)) : null);
            w.Text(null);
            w.Moment(at);
            rows++;
        }
        return rows;
    }
}

/// <summary>What victims of cases that reached post-trial were told, through a channel confirmed safe.</summary>
internal sealed class InformationGivenLoad : TableLoad
{
    private const long Day = 86_400;

    public override string Table => "victim_information_given";

    public override string[] Columns =>
        ["id", "victim_id", "case_id", "topic", "informed_on", "channel", "channel_confirmed_safe", "notes", "by_user_id", "created_at"];

    public override long Estimate(Plan plan) => plan.Victims.Length / 5;

    public override long Write(NpgsqlBinaryImporter w, Plan plan, LoadContext context)
    {
        var random = context.RandomFor(Table);
        var now = plan.Now.ToUnixTimeSeconds();
        long rows = 0;
        foreach (ref readonly var victim in plan.Victims.AsSpan())
        {
            ref readonly var c = ref plan.Cases[victim.Case];
            if (plan.EnteredAt(victim.Case, CaseStage.PostTrial) is not { } postTrial || random.NextDouble() >= 0.4)
            {
                continue;
            }
            var by = victim.Liaison >= 0 ? victim.Liaison : c.Prosecutor >= 0 ? c.Prosecutor : c.Investigator;
            var at = Math.Min(now - 60, postTrial + Day + random.NextInt64(30 * Day));
            var channel = (InformationChannel)(1 + random.Next(6));
            foreach (var (topic, share) in Topics)
            {
                if (random.NextDouble() >= share)
                {
                    continue;
                }
                w.StartRow();
                w.Uuid(Ids.V7(at, random));
                w.Uuid(victim.Id);
                w.Uuid(c.Id);
                w.Enum(topic);
                w.Date(Plan.Day(at));
                w.Enum(channel);
                w.Bool(true);
                w.Text(null);
                w.Uuid(context.User(by));
                w.Moment(at);
                rows++;
            }
        }
        return rows;
    }

    private static readonly (InformationTopic, double)[] Topics =
    [
        (InformationTopic.Outcome, 1.0), (InformationTopic.Sentence, 0.5), (InformationTopic.SentenceLength, 0.3),
        (InformationTopic.ReleaseDate, 0.1), (InformationTopic.AppealOptions, 0.4),
    ];
}

/// <summary>Every table the generator fills, in no particular order (the loader starts the biggest first).</summary>
internal static class TableLoads
{
    public static IReadOnlyList<TableLoad> All { get; } =
    [
        new CasesLoad(), new StageChangesLoad(), new TeamMembersLoad(), new CaseTasksLoad(), new CaseLinksLoad(),
        new VictimsLoad(), new CaseVictimsLoad(), new SupportStepsLoad(), new ProtectionMeasuresLoad(), new ThreatsLoad(),
        new ResidenceLoad(), new CompensationClaimsLoad(), new InformationGivenLoad(),
        new DefendantsLoad(), new ChargesLoad(), new ChargeFactsLoad(), new HearingsLoad(), new HearingWitnessesLoad(),
        new CooperationRequestsLoad(), new AssetsLoad(), new AssetStepsLoad(),
    ];
}
