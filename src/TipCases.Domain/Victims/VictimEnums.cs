namespace TipCases.Domain.Victims;

public enum Sex
{
    Female = 1,
    Male = 2,
    Other = 3,
    Unknown = 4,
}

public enum MigrationStatus
{
    Citizen = 1,
    RegularResident = 2,
    IrregularMigrant = 3,
    AsylumSeeker = 4,
    Refugee = 5,
    Stateless = 6,
    Unknown = 7,
}

/// <summary>The purpose (exploitation) element of DOMAIN.md, including national additions.</summary>
public enum ExploitationForm
{
    ProstitutionOfOthers = 1,
    OtherSexualExploitation = 2,
    ForcedLabourOrServices = 3,
    Slavery = 4,
    PracticesSimilarToSlavery = 5,
    Servitude = 6,
    RemovalOfOrgans = 7,
    ForcedBegging = 8,
    ForcedCriminalActivities = 9,
}

/// <summary>Who identified the victim.</summary>
public enum IdentifiedBy
{
    Police = 1,
    LabourInspectorate = 2,
    BorderOrImmigration = 3,
    NonGovernmentalOrganisation = 4,
    HealthOrSocialServices = 5,
    SelfReported = 6,
    Other = 7,
}

/// <summary>Recorded for planning only: protection never depends on it (DOMAIN.md).</summary>
public enum WillingnessToTestify
{
    Undecided = 1,
    Willing = 2,
    Unwilling = 3,
}

/// <summary>Whether the victim was under 18 at the time of the offence (Protocol Art. 3(d)).</summary>
public enum ChildStatus
{
    Unknown = 1,
    Child = 2,
    Adult = 3,
}

public static class VictimEnumNames
{
    public static string DisplayName(this ExploitationForm form) => form switch
    {
        ExploitationForm.ProstitutionOfOthers => "Prostitution of others",
        ExploitationForm.OtherSexualExploitation => "Other sexual exploitation",
        ExploitationForm.ForcedLabourOrServices => "Forced labour or services",
        ExploitationForm.PracticesSimilarToSlavery => "Practices similar to slavery",
        ExploitationForm.RemovalOfOrgans => "Removal of organs",
        ExploitationForm.ForcedBegging => "Forced begging",
        ExploitationForm.ForcedCriminalActivities => "Forced criminal activities",
        _ => form.ToString(),
    };

    public static string DisplayName(this MigrationStatus status) => status switch
    {
        MigrationStatus.RegularResident => "Regular resident",
        MigrationStatus.IrregularMigrant => "Irregular migrant",
        MigrationStatus.AsylumSeeker => "Asylum seeker",
        _ => status.ToString(),
    };

    public static string DisplayName(this IdentifiedBy by) => by switch
    {
        IdentifiedBy.LabourInspectorate => "Labour inspectorate",
        IdentifiedBy.BorderOrImmigration => "Border or immigration service",
        IdentifiedBy.NonGovernmentalOrganisation => "Non-governmental organisation",
        IdentifiedBy.HealthOrSocialServices => "Health or social services",
        IdentifiedBy.SelfReported => "Self-reported",
        _ => by.ToString(),
    };
}
