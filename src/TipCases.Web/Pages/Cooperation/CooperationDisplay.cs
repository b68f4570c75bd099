using TipCases.Domain.Assets;
using TipCases.Domain.Reference;

namespace TipCases.Web.Pages.Cooperation;

/// <summary>Words for asset steps and kinds, and a state's name, as the pages show them.</summary>
public static class CooperationDisplay
{
    public static string State(string? code) => code is null ? "" : $"{Countries.NameOf(code)} ({code})";

    public static string DisplayName(this AssetStep step) => step switch
    {
        AssetStep.Identified => "Identified",
        AssetStep.Frozen => "Frozen",
        AssetStep.Seized => "Seized",
        AssetStep.Confiscated => "Confiscated",
        AssetStep.Returned => "Returned",
        AssetStep.Disposed => "Disposed of",
        _ => step.ToString(),
    };

    public static string DisplayName(this AssetKind kind) => kind switch
    {
        AssetKind.BankAccount => "Bank account",
        AssetKind.Cash => "Cash",
        AssetKind.RealEstate => "Real estate",
        AssetKind.Vehicle => "Vehicle",
        AssetKind.Business => "Business",
        AssetKind.Valuables => "Valuables",
        AssetKind.CryptoAsset => "Crypto-asset",
        AssetKind.Other => "Other",
        _ => kind.ToString(),
    };

    public static string DisplayName(this ConfiscationBasis basis) => basis switch
    {
        ConfiscationBasis.ConvictionBased => "Conviction-based",
        ConfiscationBasis.NonConvictionBased => "Non-conviction-based (civil forfeiture)",
        _ => basis.ToString(),
    };

    public static string Money(decimal? amount, string? currency) =>
        amount is { } a ? $"{Victims.CompensationModel.Amounts.Format(a)} {currency}" : "—";
}
