using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Domain.Victims;
using TipCases.Web.Data;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Victims;

public sealed class VictimRecordTests(TipCasesApp app) : WebTest(app)
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly DateOnly OffenceStart = new(2024, 3, 10);

    private static Dictionary<string, string> NewVictim(DateOnly? born) => new()
    {
        ["Form.Identity.GivenNames"] = "Mira",
        ["Form.Identity.FamilyName"] = "Quellwater",
        ["Form.Identity.DateOfBirth"] = born is { } b ? Day(b) : "",
        ["Form.Profile.Sex"] = nameof(Sex.Female),
        ["Form.Profile.MigrationStatus"] = nameof(MigrationStatus.IrregularMigrant),
        ["Form.Profile.IdentifiedBy"] = nameof(IdentifiedBy.NonGovernmentalOrganisation),
        ["Form.Profile.Willingness"] = nameof(WillingnessToTestify.Undecided),
        ["Form.Profile.Exploitation"] = nameof(ExploitationForm.OtherSexualExploitation),
    };

    /// <summary>A case whose offence began on <see cref="OffenceStart"/>, with a liaison officer.</summary>
    private async Task<TipCases.Domain.Cases.Case> CaseAsync()
    {
        var lena = await App.UserAsync("lena", Roles.VictimLiaisonOfficer);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var created = await App.CaseAsync("CPO", "Short-let flats", (paula.Id, TeamRole.Prosecutor), (lena.Id, TeamRole.VictimLiaisonOfficer));
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TipCasesDbContext>();
            var c = await db.Cases.SingleAsync(x => x.Id == created.Id);
            c.UpdateDetails(new CaseDetails(c.Title, c.Summary, c.Origin, c.Scope, false, false, c.OpenedOn, OffenceStart, null),
                DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        });
        return created;
    }

    public static TheoryData<int, ChildStatus> BirthdayBoundary => new()
    {
        { -1, ChildStatus.Adult },  // turned 18 the day before the offence began
        { 0, ChildStatus.Adult },   // turned 18 on the day the offence began
        { 1, ChildStatus.Child },   // turns 18 the day after: a child when it began
    };

    [Theory]
    [MemberData(nameof(BirthdayBoundary))]
    public async Task Child_status_is_computed_from_the_date_of_birth_at_the_18th_birthday_boundary(int eighteenthBirthdayOffset, ChildStatus expected)
    {
        var @case = await CaseAsync();
        var client = await App.SignedInClientAsync("lena");
        var born = OffenceStart.AddYears(-18).AddDays(eighteenthBirthdayOffset);

        var response = await client.SubmitFormAsync($"/Cases/{@case.Id}/Victims/New", NewVictim(born));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var victim = await LoadOnly();
        victim.ChildStatus.ShouldBe(expected);
        victim.LiaisonOfficerId.ShouldNotBeNull("a liaison officer recording a victim looks after them");
        var childMeasures = victim.Measures.Where(m => ProtectionCatalogue.Entry(m.Kind).ForChildren).ToList();
        if (expected == ChildStatus.Child)
        {
            victim.AgeAtOffence.ShouldBe(17);
            childMeasures.Select(m => m.Kind).ShouldBe(
                [ProtectionMeasureKind.ChildSpecialInterviewing, ProtectionMeasureKind.ChildPreRecordedInterview, ProtectionMeasureKind.ChildNotRequiredToTakePart],
                ignoreOrder: true);
            childMeasures.ShouldAllBe(m => m.ProposedAutomatically && m.Status == MeasureStatus.Planned);
            (await client.GetHtmlAsync(response.Headers.Location!.ToString())).QuerySelector("[data-testid=child-badge]").ShouldNotBeNull();
        }
        else
        {
            victim.AgeAtOffence.ShouldBe(18);
            childMeasures.ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task An_unknown_date_of_birth_is_flagged_not_guessed()
    {
        var @case = await CaseAsync();
        var client = await App.SignedInClientAsync("lena");

        await client.SubmitFormAsync($"/Cases/{@case.Id}/Victims/New", NewVictim(null));

        var victim = await LoadOnly();
        victim.ChildStatus.ShouldBe(ChildStatus.Unknown);
        victim.ChildStatusReason.ShouldStartWith("Date of birth not recorded");
    }

    [Fact]
    public async Task Moving_the_offence_dates_of_the_case_recomputes_child_status()
    {
        var @case = await CaseAsync();
        var client = await App.SignedInClientAsync("paula");
        await (await App.SignedInClientAsync("lena")).SubmitFormAsync($"/Cases/{@case.Id}/Victims/New", NewVictim(OffenceStart.AddYears(-18).AddDays(30)));
        (await LoadOnly()).ChildStatus.ShouldBe(ChildStatus.Child);

        var edit = await client.SubmitFormAsync($"/Cases/{@case.Id}/Edit", new() { ["Form.OffenceFrom"] = Day(OffenceStart.AddDays(60)) });

        edit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LoadOnly()).ChildStatus.ShouldBe(ChildStatus.Adult);
    }

    public static TheoryData<string, string, string, string> BadInput => new()
    {
        { "Form.Identity.FamilyName", "", "Form.Identity.FamilyName", "Give at least one name, as the victim gives it." },
        { "Form.Identity.FamilyName", new string('x', 300), "Form.Identity.FamilyName", "Use at most 200 characters." },
        { "Form.Identity.DateOfBirth", "2999-01-01", "Form.Identity.DateOfBirth", "The date of birth cannot be in the future." },
        { "Form.Profile.Sex", "Robot", "Form.Profile.Sex", "Choose the victim's sex (or Unknown)." },
        { "Form.Profile.Exploitation", "Piracy", "Form.Profile.Exploitation", "This is not one of the values the form offers. Choose again." },
        { "Form.Profile.IdentifiedOn", "2999-01-01", "Form.Profile.IdentifiedOn", "The victim cannot be identified in the future." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_next_to_the_field_and_nothing_is_saved(string field, string value, string errorField, string message)
    {
        var @case = await CaseAsync();
        var client = await App.SignedInClientAsync("lena");
        var form = NewVictim(new DateOnly(1990, 1, 1));
        form[field] = value;
        if (field == "Form.Identity.FamilyName" && value.Length == 0)
        {
            form["Form.Identity.GivenNames"] = "";
        }

        var response = await client.SubmitFormAsync($"/Cases/{@case.Id}/Victims/New", form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).FieldError(errorField).ShouldBe(message);
        (await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().Victims.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Only_people_who_may_edit_the_case_or_its_liaison_officers_record_victims()
    {
        var @case = await CaseAsync();
        await App.UserAsync("outsider", Roles.Investigator);
        await App.UserAsync("nora", Roles.Prosecutor, "NRO");

        (await (await App.SignedInClientAsync("outsider")).GetAsync($"/Cases/{@case.Id}/Victims/New")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await App.SignedInClientAsync("nora")).GetAsync($"/Cases/{@case.Id}/Victims/New")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await App.SignedInClientAsync("paula")).GetAsync($"/Cases/{@case.Id}/Victims/New")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Pseudonyms_are_numbered_per_office_and_year()
    {
        var @case = await CaseAsync();
        var client = await App.SignedInClientAsync("lena");

        await client.SubmitFormAsync($"/Cases/{@case.Id}/Victims/New", NewVictim(null));
        await client.SubmitFormAsync($"/Cases/{@case.Id}/Victims/New", NewVictim(null));

        var year = App.Clock.GetUtcNow().Year;
        var pseudonyms = await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().Victims.Select(v => v.Pseudonym).OrderBy(p => p).ToListAsync());
        pseudonyms.ShouldBe([$"V-CPO-{year}-0001", $"V-CPO-{year}-0002"]);
    }

    private Task<Victim> LoadOnly() => App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().Victims.AsNoTracking()
        .Include(v => v.Measures).SingleAsync());
}
