using System.Net;
using TipCases.Domain.Cases;
using TipCases.Domain.Hearings;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;
using Case = TipCases.Domain.Cases.Case;

namespace TipCases.Web.Tests.Hearings;

/// <summary>The upcoming hearings list and My work: scheduled hearings of the cases the user may read
/// (a supervisor: the office's), from today for 30 days unless asked otherwise.</summary>
public sealed class UpcomingHearingsTests(TipCasesApp app) : WebTest(app)
{
    private async Task<(Case Mine, Case Colleagues, Case North)> ArrangeAsync()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var peter = await App.UserAsync("peter", Roles.Prosecutor);
        await App.UserAsync("sam", Roles.Supervisor);
        var nora = await App.UserAsync("nora", Roles.Prosecutor, "NRO");
        await App.UserAsync("niko", Roles.Supervisor, "NRO");
        var mine = await App.CaseAsync("CPO", "Paula's case", (paula.Id, TeamRole.Prosecutor));
        var colleagues = await App.CaseAsync("CPO", "Peter's case", (peter.Id, TeamRole.Prosecutor));
        var north = await App.CaseAsync("NRO", "Nora's case", (nora.Id, TeamRole.Prosecutor));
        await App.HearingAsync(mine, 2, court: "Mine in two days");
        await App.HearingAsync(mine, 29, court: "Mine on day 29");
        await App.HearingAsync(mine, 31, court: "Mine on day 31");
        await App.HearingAsync(mine, 1, HearingStatus.Cancelled, court: "Mine cancelled");
        await App.HearingAsync(mine, -3, court: "Mine past");
        await App.HearingAsync(colleagues, 4, court: "Peter's");
        await App.HearingAsync(north, 5, court: "Nora's");
        return (mine, colleagues, north);
    }

    private static List<string> Courts(AngleSharp.Html.Dom.IHtmlDocument page, string testId) =>
        page.HearingRows(testId).Select(r => r.Cells[2].ChildNodes[0].TextContent.Trim()).ToList();

    public static TheoryData<string, string?, string[]> Scoping => new()
    {
        { "paula", null, ["Mine in two days", "Mine on day 29"] },
        { "paula", "90", ["Mine in two days", "Mine on day 29", "Mine on day 31"] },
        { "paula", "7", ["Mine in two days"] },
        { "peter", null, ["Peter's"] },
        { "sam", null, ["Mine in two days", "Peter's", "Mine on day 29"] },
        { "nora", null, ["Nora's"] },
        { "niko", null, ["Nora's"] },
    };

    [Theory]
    [MemberData(nameof(Scoping))]
    public async Task Each_user_sees_the_scheduled_hearings_of_the_cases_they_may_read_in_the_period(string user, string? days, string[] courts)
    {
        await ArrangeAsync();
        var client = await App.SignedInClientAsync(user);

        var page = await client.GetHtmlAsync(days is null ? "/Hearings/Upcoming" : $"/Hearings/Upcoming?days={days}");

        Courts(page, "upcoming-hearings").ShouldBe(courts);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("400")]
    [InlineData("thirty")]
    [InlineData("-5")]
    public async Task A_period_out_of_range_is_explained_and_the_default_is_shown(string days)
    {
        await ArrangeAsync();
        var client = await App.SignedInClientAsync("paula");

        var page = await client.GetHtmlAsync($"/Hearings/Upcoming?days={days}");

        page.QuerySelector("#days-error")!.TextContent.ShouldBe("Choose a period of 1 to 366 days. The next 30 days are shown.");
        Courts(page, "upcoming-hearings").ShouldBe(["Mine in two days", "Mine on day 29"]);
    }

    [Fact]
    public async Task My_work_shows_the_next_five_and_says_there_are_more()
    {
        var (mine, _, _) = await ArrangeAsync();
        for (var day = 10; day < 15; day++)
        {
            await App.HearingAsync(mine, day, court: $"Day {day}");
        }
        var client = await App.SignedInClientAsync("paula");

        var page = await client.GetHtmlAsync("/");

        Courts(page, "my-hearings").ShouldBe(["Mine in two days", "Day 10", "Day 11", "Day 12", "Day 13"]);
        page.QuerySelector("#more-hearings").ShouldNotBeNull();
    }

    [Fact]
    public async Task Administrators_have_no_hearings_list_and_no_hearings_on_their_page()
    {
        await ArrangeAsync();
        await App.UserAsync("adam", Roles.Administrator);
        var client = await App.SignedInClientAsync("adam");

        (await client.GetAsync("/Hearings/Upcoming")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetHtmlAsync("/")).QuerySelector("#hearings-heading").ShouldBeNull();
    }
}
