using TipCases.Domain.Cases;
using TipCases.Domain.Hearings;
using TipCases.Domain.Victims;
using TipCases.Web.Tests.Infrastructure;
using TipCases.Web.Tests.Victims;
using static TipCases.Web.Tests.Hearings.HearingTestData;

namespace TipCases.Web.Tests.Hearings;

/// <summary>A victim expected to testify at a scheduled hearing without a trial-stage protection
/// measure planned or in place is warned about, wherever the hearing is listed.</summary>
public sealed class HearingWarningTests(TipCasesApp app) : WebTest(app)
{
    public static TheoryData<string, ProtectionMeasureKind?, MeasureStatus, HearingStatus, bool> Cases => new()
    {
        { "no measure at all", null, MeasureStatus.Planned, HearingStatus.Scheduled, true },
        { "only a pre-trial measure", ProtectionMeasureKind.PreparationForCourt, MeasureStatus.InPlace, HearingStatus.Scheduled, true },
        { "a trial measure planned", ProtectionMeasureKind.ScreenedTestimony, MeasureStatus.Planned, HearingStatus.Scheduled, false },
        { "a trial measure in place", ProtectionMeasureKind.VideoLinkTestimony, MeasureStatus.InPlace, HearingStatus.Scheduled, false },
        { "its only trial measure ended", ProtectionMeasureKind.SupportPersonPresent, MeasureStatus.Ended, HearingStatus.Scheduled, true },
        { "a cancelled hearing", null, MeasureStatus.Planned, HearingStatus.Cancelled, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_warning_shows_on_every_list_exactly_when_the_witness_lacks_trial_protection(string scenario, ProtectionMeasureKind? measure,
        MeasureStatus status, HearingStatus hearingStatus, bool warns)
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Trial);
        if (measure is { } kind)
        {
            await App.ProtectAsync(s.Victim.Id, kind, status);
        }
        await App.HearingAsync(s.Case, 3, hearingStatus, witnesses: s.Victim.Id);
        var client = await App.SignedInClientAsync("paula");

        var caseList = await client.GetHtmlAsync(ListUrl(s.Case));
        Warned(caseList.HearingRows("case-hearings").ShouldHaveSingleItem()).ShouldBe(warns, scenario);
        if (hearingStatus == HearingStatus.Scheduled)
        {
            Warned((await client.GetHtmlAsync("/Hearings/Upcoming")).HearingRows("upcoming-hearings").ShouldHaveSingleItem()).ShouldBe(warns, scenario);
            Warned((await client.GetHtmlAsync("/")).HearingRows("my-hearings").ShouldHaveSingleItem()).ShouldBe(warns, scenario);
            Warned((await client.GetHtmlAsync($"/Cases/{s.Case.Id}")).HearingRows("case-next-hearings").ShouldHaveSingleItem()).ShouldBe(warns, scenario);
        }
        var form = await client.GetHtmlAsync(NewUrl(s.Case));
        form.QuerySelector($"label[for=Form_WitnessIds_{s.Victim.Id:N}]")!.TextContent
            .Contains("no trial-stage protection measure", StringComparison.Ordinal).ShouldBe(measure is null || warns && hearingStatus == HearingStatus.Scheduled, scenario);
    }

    [Fact]
    public async Task Only_the_witness_without_protection_is_named_in_the_warning_and_it_links_to_their_plan()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Trial);
        var unprotected = await App.VictimAsync(s.Case);
        await App.ProtectAsync(s.Victim.Id, ProtectionMeasureKind.ClosedCourt);
        await App.HearingAsync(s.Case, 3, witnesses: [s.Victim.Id, unprotected.Id]);
        var client = await App.SignedInClientAsync("lena");

        var row = (await client.GetHtmlAsync("/Hearings/Upcoming")).HearingRows("upcoming-hearings").ShouldHaveSingleItem();

        var warning = row.QuerySelectorAll("[data-testid=witness-warning]").ShouldHaveSingleItem();
        warning.TextContent.ShouldContain($"Plan one for {unprotected.Pseudonym}");
        warning.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/Victims/{unprotected.Id}/Protection");
        warning.TextContent.ShouldNotContain(s.Victim.Pseudonym);
    }

    [Fact]
    public async Task A_hearing_still_scheduled_after_its_day_asks_for_its_outcome_and_leaves_the_upcoming_list()
    {
        var s = await VictimScenario.CreateAsync(App, CaseStage.Trial);
        await App.HearingAsync(s.Case, -2, witnesses: s.Victim.Id);
        var client = await App.SignedInClientAsync("paula");

        var row = (await client.GetHtmlAsync(ListUrl(s.Case))).HearingRows("case-hearings").ShouldHaveSingleItem();

        row.TextContent.ShouldContain("Outcome to record");
        (await client.GetHtmlAsync("/Hearings/Upcoming")).HearingRows("upcoming-hearings").ShouldBeEmpty();
    }

    private static bool Warned(AngleSharp.Html.Dom.IHtmlTableRowElement row) => row.QuerySelector("[data-testid=witness-warning]") is not null;
}
