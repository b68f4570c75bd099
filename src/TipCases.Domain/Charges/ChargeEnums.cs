using TipCases.Domain.Jurisdiction;
namespace TipCases.Domain.Charges;

/// <summary>What an offence of the catalogue is, for the legal analysis (DOMAIN.md, "Charges and liability").</summary>
public enum OffenceKind
{
    Trafficking = 1,
    TraffickingOfChildren = 2,
    MigrantSmuggling = 3,
    ForcedLabour = 4,
    Servitude = 5,
    Slavery = 6,
    DebtBondage = 7,
    OrganizedCriminalGroup = 8,
    Conspiracy = 9,
    MoneyLaundering = 10,
    Corruption = 11,
    ObstructionOfJustice = 12,
    Other = 13,
}

/// <summary>The act element of trafficking (Protocol Art. 3(a)).</summary>
public enum TraffickingAct
{
    Recruitment = 1,
    Transportation = 2,
    Transfer = 3,
    Harbouring = 4,
    Receipt = 5,
}

/// <summary>The means element of trafficking (Protocol Art. 3(a)); not required for a child victim (Art. 3(c)).</summary>
public enum TraffickingMeans
{
    ThreatOfForce = 1,
    UseOfForce = 2,
    OtherCoercion = 3,
    Abduction = 4,
    Fraud = 5,
    Deception = 6,
    AbuseOfPower = 7,
    AbuseOfVulnerability = 8,
    PaymentsToPersonInControl = 9,
}

/// <summary>Which element a recorded fact supports. The values of a purpose and of exploitation
/// that took place are <see cref="Victims.ExploitationForm"/>, the list a victim's exploitation is
/// recorded with.</summary>
public enum ChargeElement
{
    Act = 1,
    Means = 2,

    /// <summary>The exploitation intended: what trafficking needs (it need not have happened).</summary>
    Purpose = 3,

    /// <summary>The exploitation that took place: what the standalone exploitation offences (forced
    /// labour, servitude, slavery, debt bondage) need, however the victim came to be exploited.</summary>
    Exploitation = 4,
}

/// <summary>Aggravating circumstances from the guide (DOMAIN.md): they raise the penalty ceiling
/// where the catalogue gives a higher maximum for the aggravated offence.</summary>
public enum AggravatingCircumstance
{
    SeriousInjuryOrDeath = 1,
    ParticularlyVulnerableVictim = 2,
    LifeThreateningIllness = 3,
    MoreThanOneVictim = 4,
    OrganizedCriminalGroup = 5,
    ObstructionOfJustice = 6,
}

/// <summary>Protocol Art. 5(2): criminal responsibility extends beyond the principal.</summary>
public enum ModeOfLiability
{
    Principal = 1,
    Attempt = 2,
    Accomplice = 3,
    OrganizingOrDirecting = 4,
}

/// <summary>Intention, or recklessness where national law lowers the threshold (the guide, "Penalties").</summary>
public enum MentalElement
{
    Intention = 1,
    Recklessness = 2,
}

/// <summary>A charge's life cycle: proposed → filed → amended → withdrawn, convicted or acquitted.</summary>
public enum ChargeStatus
{
    Proposed = 1,
    Filed = 2,
    Amended = 3,
    Withdrawn = 4,
    Convicted = 5,
    Acquitted = 6,
}

public enum AppealParty
{
    Prosecution = 1,
    Defence = 2,
}

public enum AppealOutcome
{
    Pending = 1,
    Upheld = 2,
    Overturned = 3,
    Varied = 4,
}

/// <summary>Natural persons, and legal persons (companies, charities, associations: Convention Art. 10).</summary>
public enum DefendantKind
{
    NaturalPerson = 1,
    LegalPerson = 2,
}

public enum CustodyStatus
{
    AtLiberty = 1,
    Arrested = 2,
    RemandedInCustody = 3,
    OnBailOrConditions = 4,
    FugitiveOrWanted = 5,
    Abroad = 6,
}

public enum LegalForm
{
    Company = 1,
    Charity = 2,
    Association = 3,
    Other = 4,
}


/// <summary>A circumstance the system proposed (after a threat, say) until the prosecutor decides.</summary>
public enum ProposalState
{
    Pending = 1,
    Accepted = 2,
    Dismissed = 3,
}

public static class ChargeEnumNames
{
    public static string DisplayName(this OffenceKind kind) => kind switch
    {
        OffenceKind.Trafficking => "Trafficking in persons",
        OffenceKind.TraffickingOfChildren => "Trafficking in children",
        OffenceKind.MigrantSmuggling => "Migrant smuggling",
        OffenceKind.ForcedLabour => "Forced labour",
        OffenceKind.DebtBondage => "Debt bondage",
        OffenceKind.OrganizedCriminalGroup => "Participation in an organized criminal group",
        OffenceKind.MoneyLaundering => "Money laundering",
        OffenceKind.ObstructionOfJustice => "Obstruction of justice",
        _ => kind.ToString(),
    };

    public static string DisplayName(this TraffickingAct act) => act.ToString();

    public static string DisplayName(this TraffickingMeans means) => means switch
    {
        TraffickingMeans.ThreatOfForce => "Threat of force",
        TraffickingMeans.UseOfForce => "Use of force",
        TraffickingMeans.OtherCoercion => "Other coercion",
        TraffickingMeans.AbuseOfPower => "Abuse of power",
        TraffickingMeans.AbuseOfVulnerability => "Abuse of a position of vulnerability",
        TraffickingMeans.PaymentsToPersonInControl => "Payments or benefits to a person having control over the victim",
        _ => means.ToString(),
    };

    public static string DisplayName(this AggravatingCircumstance circumstance) => circumstance switch
    {
        AggravatingCircumstance.SeriousInjuryOrDeath => "Risk of or actual serious injury or death (suicide included)",
        AggravatingCircumstance.ParticularlyVulnerableVictim => "Particularly vulnerable victim (child, disability)",
        AggravatingCircumstance.LifeThreateningIllness => "Exposure to a life-threatening illness",
        AggravatingCircumstance.MoreThanOneVictim => "More than one victim",
        AggravatingCircumstance.OrganizedCriminalGroup => "Committed as part of an organized criminal group",
        AggravatingCircumstance.ObstructionOfJustice => "Obstruction of justice",
        _ => circumstance.ToString(),
    };

    public static string DisplayName(this ModeOfLiability mode) => mode switch
    {
        ModeOfLiability.OrganizingOrDirecting => "Organizing or directing others",
        _ => mode.ToString(),
    };

    public static string DisplayName(this ChargeStatus status) => status.ToString();

    public static string DisplayName(this CustodyStatus status) => status switch
    {
        CustodyStatus.AtLiberty => "At liberty",
        CustodyStatus.RemandedInCustody => "Remanded in custody",
        CustodyStatus.OnBailOrConditions => "On bail or conditions",
        CustodyStatus.FugitiveOrWanted => "Fugitive or wanted",
        _ => status.ToString(),
    };

    public static string DisplayName(this DefendantKind kind) => kind switch
    {
        DefendantKind.NaturalPerson => "Natural person",
        DefendantKind.LegalPerson => "Legal person",
        _ => kind.ToString(),
    };

    public static string DisplayName(this ExtraditionRefusal refusal) => refusal switch
    {
        ExtraditionRefusal.None => "Not refused",
        ExtraditionRefusal.RefusedBecauseNational => "Refused because the defendant is a national",
        ExtraditionRefusal.RefusedOtherReason => "Refused for another reason",
        _ => refusal.ToString(),
    };

    public static string DisplayName(this ChargeElement element) => element switch
    {
        ChargeElement.Purpose => "Purpose of exploitation",
        ChargeElement.Exploitation => "Exploitation that took place",
        _ => element.ToString(),
    };

    /// <summary>Whether the charge has been before a court: filed, amended or decided by a verdict.</summary>
    public static bool HasBeenFiled(this ChargeStatus status) =>
        status is ChargeStatus.Filed or ChargeStatus.Amended or ChargeStatus.Convicted or ChargeStatus.Acquitted;

    /// <summary>Filed (or amended) and still awaiting a verdict or withdrawal.</summary>
    public static bool AwaitsOutcome(this ChargeStatus status) => status is ChargeStatus.Filed or ChargeStatus.Amended;

    /// <summary>Proposed, filed or amended: still open to change.</summary>
    public static bool IsOpen(this ChargeStatus status) => status is ChargeStatus.Proposed or ChargeStatus.Filed or ChargeStatus.Amended;
}
