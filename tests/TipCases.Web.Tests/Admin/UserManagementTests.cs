using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Pages.Admin.Users;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Admin;

public sealed class UserManagementTests(TipCasesApp app) : WebTest(app)
{
    [Fact]
    public async Task An_administrator_creates_a_user_who_can_then_sign_in()
    {
        await App.UserAsync("root", Roles.Administrator);
        var office = await App.OfficeAsync("NRO");
        var client = await App.SignedInClientAsync("root");

        var response = await client.SubmitFormAsync("/Admin/Users/Create", NewUser("j.smith", office.Id, "river otter moonlight", Roles.Investigator));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var created = await FindAsync("j.smith");
        created.ShouldNotBeNull();
        created.OfficeId.ShouldBe(office.Id);
        created.DisplayName.ShouldBe("Jane Smith");
        (await App.WithScopeAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().GetRolesAsync(created))).ShouldBe([Roles.Investigator]);
        (await App.SignedInClientAsync("j.smith", "river otter moonlight")).ShouldNotBeNull();
        (await AuditFor(created.Id)).ShouldContain(AuditAction.UserCreated);
    }

    [Fact]
    public async Task Bad_input_gets_a_message_next_to_each_field_and_nothing_is_saved()
    {
        await App.UserAsync("root", Roles.Administrator);
        var client = await App.SignedInClientAsync("root");

        var response = await client.SubmitFormAsync("/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Form.UserName"] = "Bad Name!",
            ["Form.DisplayName"] = new string('x', 10_000),
            ["Form.Email"] = "not-an-address",
            ["Form.OfficeId"] = Guid.NewGuid().ToString(),
            ["Form.Roles"] = "Pirate",
            ["Form.Password"] = "password1234",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.FieldError("Form.UserName").ShouldStartWith("Use 3 or more lower-case letters");
        page.FieldError("Form.DisplayName").ShouldBe("Use at most 200 characters.");
        page.FieldError("Form.Email").ShouldStartWith("Enter an e-mail address");
        page.FieldError("Form.OfficeId").ShouldBe("Choose one of the listed offices.");
        page.FieldError("Form.Roles").ShouldBe("Choose roles from the list.");
        page.FieldError("Form.Password").ShouldStartWith("This password is on a list of commonly used passwords");
        (await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().Users.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task An_administrator_account_cannot_also_hold_a_case_role()
    {
        await App.UserAsync("root", Roles.Administrator);
        var office = await App.OfficeAsync();
        var client = await App.SignedInClientAsync("root");

        var response = await client.SubmitFormAsync("/Admin/Users/Create",
            NewUser("both", office.Id, "river otter moonlight", Roles.Administrator, Roles.Prosecutor));

        (await response.ReadHtmlAsync()).FieldError("Form.Roles").ShouldStartWith("An administrator cannot also hold a case role");
        (await FindAsync("both")).ShouldBeNull();
    }

    [Fact]
    public async Task A_taken_user_name_is_refused_next_to_the_field()
    {
        await App.UserAsync("root", Roles.Administrator);
        await App.UserAsync("paula", Roles.Prosecutor);
        var office = await App.OfficeAsync();
        var client = await App.SignedInClientAsync("root");

        var response = await client.SubmitFormAsync("/Admin/Users/Create", NewUser("paula", office.Id, "river otter moonlight", Roles.Investigator));

        (await response.ReadHtmlAsync()).FieldError("Form.UserName").ShouldBe("This user name is already taken.");
    }

    [Fact]
    public async Task Markup_in_a_name_is_shown_as_text()
    {
        await App.UserAsync("root", Roles.Administrator);
        var office = await App.OfficeAsync();
        var client = await App.SignedInClientAsync("root");
        var form = NewUser("mallory", office.Id, "river otter moonlight", Roles.Investigator);
        form["Form.DisplayName"] = "<script>alert('x')</script>";

        await client.SubmitFormAsync("/Admin/Users/Create", form);
        var html = await (await client.GetAsync("/Admin/Users")).Content.ReadAsStringAsync();

        html.ShouldNotContain("<script>alert('x')</script>");
        html.ShouldContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_their_open_session_ends_at_once()
    {
        var admin = await App.UserAsync("root", Roles.Administrator);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var paulasSession = await App.SignedInClientAsync("paula");
        var adminClient = await App.SignedInClientAsync("root");

        var disable = await adminClient.SubmitFormAsync($"/Admin/Users/Edit/{paula.Id}", [], handler: "Disable");
        disable.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var afterwards = await paulasSession.GetAsync("/");
        afterwards.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the session ends at its next request");
        afterwards.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");

        var again = await App.NewClient().SubmitFormAsync("/Account/Login",
            new() { ["Form.UserName"] = "paula", ["Form.Password"] = TipCasesApp.Password });
        again.StatusCode.ShouldBe(HttpStatusCode.OK, "a disabled account is refused");
        (await AuditFor(paula.Id)).ShouldContain(AuditAction.SignInRefused);
        (await AuditFor(admin.Id)).ShouldContain(AuditAction.UserDisabled);
    }

    [Fact]
    public async Task A_re_enabled_user_signs_in_again()
    {
        await App.UserAsync("root", Roles.Administrator);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var adminClient = await App.SignedInClientAsync("root");
        await adminClient.SubmitFormAsync($"/Admin/Users/Edit/{paula.Id}", [], handler: "Disable");

        await adminClient.SubmitFormAsync($"/Admin/Users/Edit/{paula.Id}", [], handler: "Enable");

        (await App.SignedInClientAsync("paula")).ShouldNotBeNull();
    }

    [Fact]
    public async Task An_administrator_cannot_disable_their_own_account()
    {
        var admin = await App.UserAsync("root", Roles.Administrator);
        var client = await App.SignedInClientAsync("root");
        var token = await client.AntiforgeryTokenAsync($"/Admin/Users/Edit/{admin.Id}");

        var response = await client.PostFormAsync($"/Admin/Users/Edit/{admin.Id}?handler=Disable", [], token);

        (await response.ReadHtmlAsync()).Summary().ShouldBe("You cannot disable your own account.");
        (await FindAsync("root"))!.IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task An_administrator_cannot_change_their_own_roles_or_office_and_nothing_is_saved()
    {
        var admin = await App.UserAsync("root", Roles.Administrator);
        var otherOffice = await App.OfficeAsync("NRO");
        var client = await App.SignedInClientAsync("root");
        var form = await client.GetHtmlAsync($"/Admin/Users/Edit/{admin.Id}");

        var response = await client.PostFormAsync($"/Admin/Users/Edit/{admin.Id}", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Root Renamed",
            ["Form.OfficeId"] = otherOffice.Id.ToString(),
            ["Form.Roles"] = Roles.Supervisor,
            ["Form.ConcurrencyStamp"] = Value(form, "Form.ConcurrencyStamp"),
        }, Value(form, "__RequestVerificationToken"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        page.FieldError("Form.Roles").ShouldBe(EditModel.OwnRolesMessage);
        page.FieldError("Form.OfficeId").ShouldBe(EditModel.OwnOfficeMessage);
        var stored = await FindAsync("root");
        stored!.DisplayName.ShouldBe("Test root");
        stored.OfficeId.ShouldBe(admin.OfficeId);
        (await App.WithScopeAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().GetRolesAsync(stored))).ShouldBe([Roles.Administrator]);
        (await AuditFor(admin.Id)).ShouldNotContain(AuditAction.UserUpdated);
    }

    [Fact]
    public async Task An_administrator_sees_their_own_roles_and_office_read_only_and_can_still_change_their_name()
    {
        var admin = await App.UserAsync("root", Roles.Administrator);
        var client = await App.SignedInClientAsync("root");

        var form = await client.GetHtmlAsync($"/Admin/Users/Edit/{admin.Id}");
        var save = await client.SubmitFormAsync($"/Admin/Users/Edit/{admin.Id}", new() { ["Form.DisplayName"] = "Root Renamed" });

        form.QuerySelectorAll("main input[type=checkbox]").ShouldAllBe(c => c.HasAttribute("disabled"));
        form.QuerySelector("#Form_OfficeId")!.HasAttribute("disabled").ShouldBeTrue();
        save.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await FindAsync("root"))!.DisplayName.ShouldBe("Root Renamed");
    }

    [Fact]
    public async Task Two_administrators_editing_one_account_never_overwrite_each_other()
    {
        await App.UserAsync("root", Roles.Administrator);
        await App.UserAsync("root2", Roles.Administrator);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var first = await App.SignedInClientAsync("root");
        var second = await App.SignedInClientAsync("root2");
        var firstForm = await first.GetHtmlAsync($"/Admin/Users/Edit/{paula.Id}");
        var secondForm = await second.GetHtmlAsync($"/Admin/Users/Edit/{paula.Id}");

        var firstSave = await Save(first, firstForm, paula, "Paula First");
        var secondSave = await Save(second, secondForm, paula, "Paula Second");

        firstSave.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        secondSave.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await secondSave.ReadHtmlAsync();
        page.Summary().ShouldBe(EditModel.ConflictMessage);
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Form_DisplayName")!.Value.ShouldBe("Paula First", "the form shows the current values");
        (await FindAsync("paula"))!.DisplayName.ShouldBe("Paula First");
    }

    [Fact]
    public async Task Changing_roles_ends_the_persons_open_sessions()
    {
        await App.UserAsync("root", Roles.Administrator);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var paulasSession = await App.SignedInClientAsync("paula");
        var admin = await App.SignedInClientAsync("root");
        var form = await admin.GetHtmlAsync($"/Admin/Users/Edit/{paula.Id}");

        var save = await admin.PostFormAsync($"/Admin/Users/Edit/{paula.Id}", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Test paula",
            ["Form.OfficeId"] = paula.OfficeId.ToString(),
            ["Form.Roles"] = Roles.Supervisor,
            ["Form.ConcurrencyStamp"] = Value(form, "Form.ConcurrencyStamp"),
        }, Value(form, "__RequestVerificationToken"));
        save.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await paulasSession.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the session ends at its next request");
    }

    [Fact]
    public async Task Setting_a_new_password_lifts_a_lockout()
    {
        await App.UserAsync("root", Roles.Administrator);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var anonymous = App.NewClient();
        for (var i = 0; i < 5; i++)
        {
            await anonymous.SubmitFormAsync("/Account/Login", new() { ["Form.UserName"] = "paula", ["Form.Password"] = "wrong wrong wrong" });
        }
        var admin = await App.SignedInClientAsync("root");

        var response = await admin.SubmitFormAsync($"/Admin/Users/Edit/{paula.Id}", new() { ["NewPassword"] = "a brand new passphrase" }, handler: "SetPassword");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.SignedInClientAsync("paula", "a brand new passphrase")).ShouldNotBeNull();
    }

    [Fact]
    public async Task Disabling_an_account_someone_else_changed_meanwhile_saves_nothing_and_says_so()
    {
        var admin = await App.UserAsync("root", Roles.Administrator);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);

        var outcome = await App.WithScopeAsync(async sp =>
        {
            // The handler's scope has loaded the account before another administrator renames it.
            (await sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(paula.Id.ToString())).ShouldNotBeNull();
            await App.WithScopeAsync(async other =>
            {
                var otherUsers = other.GetRequiredService<UserManager<AppUser>>();
                var current = (await otherUsers.FindByIdAsync(paula.Id.ToString()))!;
                current.DisplayName = "Paula Renamed";
                (await otherUsers.UpdateAsync(current)).Succeeded.ShouldBeTrue();
            });
            return await sp.GetRequiredService<EditModel.Handler>().SetActiveAsync(paula.Id, active: false, Principal(admin), default);
        });

        outcome.ShouldBe(EditModel.Handler.Outcome.Conflict);
        var stored = await FindAsync("paula");
        stored!.IsActive.ShouldBeTrue();
        stored.DisplayName.ShouldBe("Paula Renamed");
        (await AuditFor(paula.Id)).ShouldNotContain(AuditAction.UserDisabled);
    }

    [Fact]
    public async Task Disabling_and_setting_a_password_are_saved_with_their_audit_events()
    {
        var admin = await App.UserAsync("root", Roles.Administrator);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("root");

        var disable = await client.SubmitFormAsync($"/Admin/Users/Edit/{paula.Id}", [], handler: "Disable");
        var password = await client.SubmitFormAsync($"/Admin/Users/Edit/{paula.Id}", new() { ["NewPassword"] = "a brand new passphrase" }, handler: "SetPassword");

        disable.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        password.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await FindAsync("paula"))!.IsActive.ShouldBeFalse();
        var events = await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().AuditEvents
            .Where(e => e.EntityId == paula.Id.ToString() && e.ActorId == admin.Id).Select(e => e.Action).ToListAsync());
        events.ShouldBe([AuditAction.UserDisabled, AuditAction.UserPasswordReset], ignoreOrder: true);
    }

    [Fact]
    public async Task An_unknown_user_id_is_not_found()
    {
        await App.UserAsync("root", Roles.Administrator);
        var client = await App.SignedInClientAsync("root");

        (await client.GetAsync($"/Admin/Users/Edit/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static ClaimsPrincipal Principal(AppUser user) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
        new Claim(ClaimTypes.Name, user.UserName!),
        new Claim(ClaimTypes.Role, Roles.Administrator),
    ], "test"));

    private static string Value(AngleSharp.Html.Dom.IHtmlDocument page, string name) =>
        page.QuerySelector($"main form:not([action*=handler]) input[name='{name}']")!.GetAttribute("value")!;

    private static Task<HttpResponseMessage> Save(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument form, AppUser user, string displayName) =>
        client.PostFormAsync($"/Admin/Users/Edit/{user.Id}", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = displayName,
            ["Form.OfficeId"] = user.OfficeId.ToString(),
            ["Form.Roles"] = Roles.Prosecutor,
            ["Form.ConcurrencyStamp"] = Value(form, "Form.ConcurrencyStamp"),
        }, Value(form, "__RequestVerificationToken"));

    private static Dictionary<string, string> NewUser(string userName, Guid officeId, string password, params string[] roles)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.UserName"] = userName,
            ["Form.DisplayName"] = "Jane Smith",
            ["Form.Email"] = "",
            ["Form.OfficeId"] = officeId.ToString(),
            ["Form.Password"] = password,
        };
        for (var i = 0; i < roles.Length; i++)
        {
            fields[$"Form.Roles[{i}]"] = roles[i];
        }
        return fields;
    }

    private Task<AppUser?> FindAsync(string userName) =>
        App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName));

    private Task<List<AuditAction>> AuditFor(Guid actorOrSubject) =>
        App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().AuditEvents
            .Where(e => e.ActorId == actorOrSubject || e.EntityId == actorOrSubject.ToString()).Select(e => e.Action).ToListAsync());
}
