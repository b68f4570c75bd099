namespace TipCases.Web.Pages.Jurisdiction;

/// <summary>The <c>Jurisdiction</c> settings.</summary>
public sealed class JurisdictionSettings
{
    public const string Section = "Jurisdiction";

    /// <summary>ISO 3166-1 alpha-2 code of the state whose prosecutors use this installation: the
    /// jurisdiction analysis (Convention Art. 15) is made for it. The shipped value, Norway, is a
    /// demonstration value that fits the demo cases.</summary>
    public string StateCode { get; set; } = "";
}
