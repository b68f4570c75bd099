using TipCases.Domain.Cases;
using TipCases.Domain.Reference;
using TipCases.Domain.Victims;

namespace TipCases.Domain.Assets;

public enum AssetKind
{
    BankAccount = 1,
    Cash = 2,
    RealEstate = 3,
    Vehicle = 4,
    Business = 5,
    Valuables = 6,
    CryptoAsset = 7,
    Other = 8,
}

/// <summary>The steps of an asset's life: identified → frozen → seized → confiscated → returned or disposed.</summary>
public enum AssetStep
{
    Identified = 1,
    Frozen = 2,
    Seized = 3,
    Confiscated = 4,
    Returned = 5,
    Disposed = 6,
}

public enum ConfiscationBasis
{
    ConvictionBased = 1,
    /// <summary>Civil forfeiture: no conviction needed.</summary>
    NonConvictionBased = 2,
}

public sealed record AssetDetails(
    string? Description,
    AssetKind Kind,
    string? Country,
    string? Location,
    Guid? HolderDefendantId,
    IReadOnlyCollection<Guid> ChargeIds,
    bool PredicateOffenceAbroad,
    string? PredicateNote,
    decimal? EstimatedValue,
    string? EstimatedCurrency);

/// <summary>
/// An asset on a case traced as proceeds or instrumentality of the crime, through its dated steps,
/// its confiscation basis, its estimated and realised value, and the share of the realised value
/// allocated to victims' compensation claims. Trafficking is a predicate offence of money
/// laundering even where it was committed abroad (<see cref="PredicateOffenceAbroad"/>).
/// </summary>
public sealed class Asset : IBelongsToCase
{
    public const int DescriptionMaxLength = 300;
    public const int LocationMaxLength = 200;
    public const int NoteMaxLength = 1000;

    private readonly List<AssetStepRecord> _steps = [];
    private readonly List<AssetAllocation> _allocations = [];

    private Asset() { }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public string Description { get; private set; } = "";

    public AssetKind Kind { get; private set; }

    /// <summary>ISO 3166-1 code of the state where the asset is.</summary>
    public string? Country { get; private set; }

    public string? Location { get; private set; }

    /// <summary>The defendant holding the asset (an id of the charges feature's defendants).</summary>
    public Guid? HolderDefendantId { get; private set; }

    /// <summary>The charges concerned, e.g. money laundering with trafficking as its predicate.</summary>
    public Guid[] ChargeIds { get; private set; } = [];

    /// <summary>The predicate offence (trafficking) was committed abroad: it still counts (Convention Art. 6(2)(c)).</summary>
    public bool PredicateOffenceAbroad { get; private set; }

    public string? PredicateNote { get; private set; }

    public AssetStep CurrentStep { get; private set; }

    public ConfiscationBasis? Basis { get; private set; }

    public decimal? EstimatedValue { get; private set; }

    public string? EstimatedCurrency { get; private set; }

    public decimal? RealisedValue { get; private set; }

    public string? RealisedCurrency { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyCollection<AssetStepRecord> Steps => _steps.AsReadOnly();

    public IReadOnlyCollection<AssetAllocation> Allocations => _allocations.AsReadOnly();

    public decimal Allocated => _allocations.Sum(a => a.Amount);

    public decimal? Unallocated => RealisedValue is { } realised ? realised - Allocated : null;

    public DateOnly StepDate => _steps.Where(s => s.Step == CurrentStep).Max(s => s.On);

    public bool IsFinal => CurrentStep is AssetStep.Returned or AssetStep.Disposed;

    public static Asset Identify(Guid caseId, AssetDetails details, DateOnly identifiedOn, string? note, Guid by, DateTimeOffset at, DateOnly today)
    {
        if (identifiedOn > today)
        {
            throw new DomainRuleViolation("An asset cannot be identified on a date in the future.");
        }
        var asset = new Asset { Id = Guid.CreateVersion7(at), CaseId = caseId, CreatedBy = by, CreatedAt = at, CurrentStep = AssetStep.Identified };
        asset.Apply(details);
        asset._steps.Add(new AssetStepRecord(asset.Id, caseId, AssetStep.Identified, identifiedOn, Clean(note, "note"), at));
        return asset;
    }

    public void UpdateDetails(AssetDetails details) => Apply(details);

    private void Apply(AssetDetails d)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(d.Kind))
        {
            problems.Add("Choose the kind of asset from the list.");
        }
        if (string.IsNullOrWhiteSpace(d.Description))
        {
            problems.Add("Describe the asset.");
        }
        else if (d.Description.Trim().Length > DescriptionMaxLength)
        {
            problems.Add($"The description is limited to {DescriptionMaxLength} characters.");
        }
        if (d.Country is not null && !Countries.IsKnown(d.Country))
        {
            problems.Add("Choose the state where the asset is from the list.");
        }
        if (d.Location is { Length: > LocationMaxLength } || d.PredicateNote is { Length: > NoteMaxLength })
        {
            problems.Add($"The location is limited to {LocationMaxLength} characters, the note on the predicate offence to {NoteMaxLength}.");
        }
        if (d.EstimatedValue is { } v && (v < 0 || decimal.Round(v, 2) != v))
        {
            problems.Add("Give the estimated value as a positive amount with at most two decimals.");
        }
        if (d.EstimatedValue is not null && !Currencies.IsKnown(d.EstimatedCurrency))
        {
            problems.Add("Choose the currency of the estimated value.");
        }
        if (problems.Count > 0)
        {
            throw new DomainRuleViolation(string.Join(" ", problems));
        }
        Description = d.Description!.Trim();
        Kind = d.Kind;
        Country = d.Country;
        Location = string.IsNullOrWhiteSpace(d.Location) ? null : d.Location.Trim();
        HolderDefendantId = d.HolderDefendantId;
        ChargeIds = d.ChargeIds.Distinct().ToArray();
        PredicateOffenceAbroad = d.PredicateOffenceAbroad;
        PredicateNote = string.IsNullOrWhiteSpace(d.PredicateNote) ? null : d.PredicateNote.Trim();
        EstimatedValue = d.EstimatedValue;
        EstimatedCurrency = d.EstimatedValue is null ? null : d.EstimatedCurrency;
    }

    /// <summary>
    /// Which step may follow which. Freezing and seizure both secure an asset, so either may be
    /// skipped (a bank account frozen then confiscated; a car seized on the spot), but never both:
    /// nothing is confiscated that was never secured. Returned covers release to the owner (from
    /// frozen or seized) and return after confiscation (to victims or the state of origin);
    /// disposal (sale, destruction) follows confiscation only. Returned and disposed are final.
    /// </summary>
    public static IReadOnlyList<AssetStep> StepsAfter(AssetStep step) => step switch
    {
        AssetStep.Identified => [AssetStep.Frozen, AssetStep.Seized],
        AssetStep.Frozen => [AssetStep.Seized, AssetStep.Confiscated, AssetStep.Returned],
        AssetStep.Seized => [AssetStep.Confiscated, AssetStep.Returned],
        AssetStep.Confiscated => [AssetStep.Returned, AssetStep.Disposed],
        _ => [],
    };

    public IReadOnlyList<AssetStep> NextSteps => StepsAfter(CurrentStep);

    public void RecordStep(AssetStep step, DateOnly on, ConfiscationBasis? basis, string? note, DateTimeOffset at, DateOnly today)
    {
        if (!Enum.IsDefined(step))
        {
            throw new DomainRuleViolation("Choose the step from the list.");
        }
        if (!NextSteps.Contains(step))
        {
            throw new DomainRuleViolation(IsFinal
                ? $"This asset was {CurrentStep.ToString().ToLowerInvariant()}; no further step can follow."
                : $"An asset that is {CurrentStep.ToString().ToLowerInvariant()} cannot be {step.ToString().ToLowerInvariant()} next. "
                  + $"Possible next steps: {string.Join(", ", NextSteps.Select(s => s.ToString().ToLowerInvariant()))}.");
        }
        if (on > today)
        {
            throw new DomainRuleViolation("A step cannot be dated in the future.");
        }
        if (on < StepDate)
        {
            throw new DomainRuleViolation($"This step cannot be dated before the previous one ({CurrentStep.ToString().ToLowerInvariant()} on {StepDate:yyyy-MM-dd}).");
        }
        if (step == AssetStep.Confiscated)
        {
            if (basis is null || !Enum.IsDefined(basis.Value))
            {
                throw new DomainRuleViolation("Say whether the confiscation is conviction-based or non-conviction-based.");
            }
            Basis = basis;
        }
        _steps.Add(new AssetStepRecord(Id, CaseId, step, on, Clean(note, "note"), at));
        CurrentStep = step;
    }

    /// <summary>What the confiscated asset brought in (its sale, or the cash confiscated).</summary>
    public void RecordRealisedValue(decimal value, string? currency)
    {
        if (CurrentStep is not (AssetStep.Confiscated or AssetStep.Disposed))
        {
            throw new DomainRuleViolation("A value is realised only from a confiscated asset: record the confiscation first.");
        }
        if (value < 0 || decimal.Round(value, 2) != value)
        {
            throw new DomainRuleViolation("Give the realised value as a positive amount with at most two decimals.");
        }
        if (!Currencies.IsKnown(currency))
        {
            throw new DomainRuleViolation("Choose the currency of the realised value.");
        }
        if (_allocations.Count > 0 && currency != RealisedCurrency)
        {
            throw new DomainRuleViolation("Part of the value is already allocated to compensation claims in " + RealisedCurrency + "; its currency cannot change.");
        }
        if (value < Allocated)
        {
            throw new DomainRuleViolation($"{Allocated:0.00} {RealisedCurrency} is already allocated to compensation claims; the realised value cannot be less.");
        }
        RealisedValue = value;
        RealisedCurrency = currency;
    }

    /// <summary>
    /// Pays part of the realised value towards a victim's compensation claim on this case, and
    /// raises what the claim shows as paid. Never more than is left of the realised value, never
    /// in another currency, and never more than the claim's award leaves unpaid (the claim's own rule).
    /// </summary>
    public AssetAllocation Allocate(CompensationClaim claim, decimal amount, DateOnly on, Guid by, DateTimeOffset at, DateOnly today)
    {
        if (RealisedValue is not { } realised || RealisedCurrency is null)
        {
            throw new DomainRuleViolation("Record the value the asset realised before allocating it to compensation.");
        }
        if (claim.CaseId != CaseId)
        {
            throw new DomainRuleViolation("Choose a compensation claim made on this case.");
        }
        if (amount <= 0 || decimal.Round(amount, 2) != amount)
        {
            throw new DomainRuleViolation("Give the amount as a positive amount with at most two decimals.");
        }
        if (claim.Currency != RealisedCurrency)
        {
            throw new DomainRuleViolation($"The claim is in {claim.Currency} and the asset realised {RealisedCurrency}: allocate only to claims in the same currency.");
        }
        if (on > today || on < StepDate)
        {
            throw new DomainRuleViolation("The allocation must be dated between the asset's latest step and today.");
        }
        if (amount > realised - Allocated)
        {
            throw new DomainRuleViolation($"Only {realised - Allocated:0.00} {RealisedCurrency} of the realised value is left to allocate.");
        }
        if (claim.AmountAwarded is not { } awarded)
        {
            throw new DomainRuleViolation("The claim has no amount awarded yet: nothing can be paid towards it until the award is recorded.");
        }
        if (claim.AmountPaid + amount > awarded)
        {
            throw new DomainRuleViolation($"The claim has {awarded - claim.AmountPaid:0.00} {claim.Currency} of its award left unpaid; allocate at most that.");
        }
        claim.RecordPaymentFromAssets(amount);
        var allocation = new AssetAllocation(Id, CaseId, claim.Id, claim.VictimId, amount, on, by, at);
        _allocations.Add(allocation);
        return allocation;
    }

    private static string? Clean(string? text, string what)
    {
        if (text is { Length: > NoteMaxLength })
        {
            throw new DomainRuleViolation($"The {what} is limited to {NoteMaxLength} characters.");
        }
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}

/// <summary>One dated step of an asset's life.</summary>
public sealed class AssetStepRecord : IBelongsToCase
{
    private AssetStepRecord() { }

    internal AssetStepRecord(Guid assetId, Guid caseId, AssetStep step, DateOnly on, string? note, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        AssetId = assetId;
        CaseId = caseId;
        Step = step;
        On = on;
        Note = note;
    }

    public Guid Id { get; private set; }

    public Guid AssetId { get; private set; }

    public Guid CaseId { get; private set; }

    public AssetStep Step { get; private set; }

    public DateOnly On { get; private set; }

    public string? Note { get; private set; }
}

/// <summary>A share of an asset's realised value paid towards a victim's compensation claim.</summary>
public sealed class AssetAllocation : IBelongsToCase
{
    private AssetAllocation() { }

    internal AssetAllocation(Guid assetId, Guid caseId, Guid claimId, Guid victimId, decimal amount, DateOnly on, Guid by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        AssetId = assetId;
        CaseId = caseId;
        ClaimId = claimId;
        VictimId = victimId;
        Amount = amount;
        AllocatedOn = on;
        ByUserId = by;
    }

    public Guid Id { get; private set; }

    public Guid AssetId { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid ClaimId { get; private set; }

    public Guid VictimId { get; private set; }

    public decimal Amount { get; private set; }

    public DateOnly AllocatedOn { get; private set; }

    public Guid ByUserId { get; private set; }
}
