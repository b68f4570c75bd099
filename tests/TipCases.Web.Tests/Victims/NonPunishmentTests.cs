using System.Net;
using TipCases.Domain.Victims;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Victims;

public sealed class NonPunishmentTests(TipCasesApp app) : WebTest(app)
{
    [Fact]
    public async Task A_flag_needs_a_note_saying_which_offences()
    {
        var s = await VictimScenario.CreateAsync(App);
        var client = await App.SignedInClientAsync("lena");

        var response = await client.SubmitFormAsync($"/Victims/{s.Victim.Id}/NonPunishment", new() { ["Flag.Flagged"] = "true", ["Flag.Note"] = " " },
            handler: "Flag");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).FieldError("Flag.Note").ShouldBe("Say which offences the victim is suspected of, and how they follow from the trafficking.");
        (await App.StoredVictimAsync(s.Victim.Id)).NonPunishmentFlagged.ShouldBeFalse();
    }

    [Fact]
    public async Task A_flag_goes_to_review_and_only_a_prosecutor_on_the_team_records_the_outcome()
    {
        var s = await VictimScenario.CreateAsync(App);
        var lena = await App.SignedInClientAsync("lena");
        var paula = await App.SignedInClientAsync("paula");
        var url = $"/Victims/{s.Victim.Id}/NonPunishment";

        var flag = await lena.SubmitFormAsync(url, new() { ["Flag.Flagged"] = "true", ["Flag.Note"] = "Charged with using a forged passport the traffickers supplied." },
            handler: "Flag");
        var byLiaison = await lena.PostWithTokenAsync(url, "Review", new() { ["Review.Outcome"] = nameof(NonPunishmentReview.ProsecutionContinues) });
        var byProsecutor = await paula.SubmitFormAsync(url, new() { ["Review.Outcome"] = nameof(NonPunishmentReview.DischargeRecommended) }, handler: "Review");

        flag.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        byLiaison.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        byProsecutor.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await App.StoredVictimAsync(s.Victim.Id);
        stored.NonPunishmentFlagged.ShouldBeTrue();
        stored.NonPunishmentNote.ShouldBe("Charged with using a forged passport the traffickers supplied.");
        stored.NonPunishmentReview.ShouldBe(NonPunishmentReview.DischargeRecommended);
        var page = await lena.GetHtmlAsync(url);
        page.Text("[data-testid=non-punishment-state]").ShouldContain("Discharge recommended");
        page.QuerySelector("#Review_Outcome").ShouldBeNull("the liaison officer is offered no review form");
    }

    [Fact]
    public async Task A_supervisor_sees_the_flag_but_cannot_record_the_outcome()
    {
        var s = await VictimScenario.CreateAsync(App);
        await App.UserAsync("sam", Web.Security.Roles.Supervisor);
        await App.ChangeVictimAsync(s.Victim.Id, v => v.FlagNonPunishment(true, "Forced begging offences", null));
        var sam = await App.SignedInClientAsync("sam");

        var response = await sam.PostWithTokenAsync($"/Victims/{s.Victim.Id}/NonPunishment", "Review",
            new() { ["Review.Outcome"] = nameof(NonPunishmentReview.NotApplicable) });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await App.StoredVictimAsync(s.Victim.Id)).NonPunishmentReview.ShouldBe(NonPunishmentReview.Pending);
    }
}
