using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Pages.Account;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Account;

/// <summary>Changing the password, the authenticator app or the recovery codes needs the
/// password and a current code in the same form (re-authentication).</summary>
public sealed class FactorChangeTests(TipCasesApp app) : WebTest(app)
{
    public static TheoryData<string, string> ProtectedForms => new()
    {
        { "/Account/ChangePassword", "Form" },
        { "/Account/Authenticator", "Confirm" },
        { "/Account/RecoveryCodes", "Confirm" },
    };

    [Theory]
    [MemberData(nameof(ProtectedForms))]
    public async Task Each_change_needs_a_current_code_and_refuses_a_wrong_or_used_one(string url, string prefix)
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");
        var usedAtSignIn = Totp.Code(TipCasesApp.AuthenticatorKey, await LastStepAsync(paula.Id));
        var wrong = Totp.Code(TipCasesApp.AuthenticatorKey, await LastStepAsync(paula.Id) + 9);

        var missing = await client.SubmitFormAsync(url, Fields(prefix, TipCasesApp.Password, ""));
        var wrongCode = await client.SubmitFormAsync(url, Fields(prefix, TipCasesApp.Password, wrong));
        var usedCode = await client.SubmitFormAsync(url, Fields(prefix, TipCasesApp.Password, usedAtSignIn));

        (await missing.ReadHtmlAsync()).FieldError($"{prefix}.Code").ShouldBe("Enter the code from your authenticator app.");
        (await wrongCode.ReadHtmlAsync()).FieldError($"{prefix}.Code").ShouldBe(Reauthentication.WrongCodeMessage);
        (await usedCode.ReadHtmlAsync()).FieldError($"{prefix}.Code").ShouldBe(Reauthentication.CodeAlreadyUsedMessage);
        foreach (var page in new[] { await missing.ReadHtmlAsync(), await wrongCode.ReadHtmlAsync(), await usedCode.ReadHtmlAsync() })
        {
            page.QuerySelector("[data-testid=recovery-codes]").ShouldBeNull();
            page.QuerySelector("[data-testid=authenticator-key]").ShouldBeNull();
        }
        (await AuditFor(paula.Id)).ShouldNotContain(a => a == AuditAction.PasswordChanged || a == AuditAction.RecoveryCodesRenewed);
    }

    [Theory]
    [MemberData(nameof(ProtectedForms))]
    public async Task Each_change_needs_the_password(string url, string prefix)
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");

        var response = await client.SubmitFormAsync(url, Fields(prefix, "not my password at all", await App.CodeAsync("paula")));

        var field = prefix == "Form" ? "Form.CurrentPassword" : "Confirm.Password";
        (await response.ReadHtmlAsync()).FieldError(field).ShouldBe(Reauthentication.WrongPasswordMessage);
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var old = await App.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByNameAsync("paula"))!, 10))!.ToList();
        });
        var client = await App.SignedInClientAsync("paula");

        var response = await client.SubmitFormAsync("/Account/RecoveryCodes", Fields("Confirm", TipCasesApp.Password, await App.CodeAsync("paula")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var codes = (await response.ReadHtmlAsync()).QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        codes.Count.ShouldBe(10);
        codes.ShouldNotContain(c => old.Contains(c));
        var other = App.NewClient();
        var withOld = await other.SubmitFormAsync(await PasswordStepAsync(other, "paula"), new() { ["Form.Code"] = old[0] });
        (await withOld.ReadHtmlAsync()).FieldError("Form.Code").ShouldBe(Reauthentication.WrongCodeMessage);
        var withNew = await other.SubmitFormAsync(await PasswordStepAsync(other, "paula"), new() { ["Form.Code"] = codes[0] });
        withNew.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AuditFor(paula.Id)).ShouldContain(AuditAction.RecoveryCodesRenewed);
    }

    [Fact]
    public async Task A_new_authenticator_replaces_the_old_one_and_ends_the_other_sessions()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var elsewhere = await App.SignedInClientAsync("paula");
        var client = await App.SignedInClientAsync("paula");

        var confirmed = await client.SubmitFormAsync("/Account/Authenticator", Fields("Confirm", TipCasesApp.Password, await App.CodeAsync("paula")));
        var setUp = await confirmed.ReadHtmlAsync();
        var newKey = setUp.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal).Trim();
        var wrong = await client.SubmitFormAsync(setUp, "/Account/Authenticator", new() { ["Form.Code"] = App.CodeFor(TipCasesApp.AuthenticatorKey, await LastStepAsync(paula.Id)) });
        (await wrong.ReadHtmlAsync()).FieldError("Form.Code").ShouldBe(EnrolModel.WrongSetupCodeMessage, "a code of the old app does not prove the new one");
        var done = await client.SubmitFormAsync(setUp, "/Account/Authenticator", new() { ["Form.Code"] = App.CodeFor(newKey) });

        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetHtmlAsync(done.Headers.Location!.OriginalString)).QuerySelector("[role=status]")!.TextContent.ShouldBe(AuthenticatorModel.ReplacedMessage);
        (await elsewhere.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the other session has ended");
        var other = App.NewClient();
        var oldCode = await other.SubmitFormAsync(await PasswordStepAsync(other, "paula"),
            new() { ["Form.Code"] = App.CodeFor(TipCasesApp.AuthenticatorKey, await LastStepAsync(paula.Id)) });
        (await oldCode.ReadHtmlAsync()).FieldError("Form.Code").ShouldBe(Reauthentication.WrongCodeMessage);
        var newCode = await other.SubmitFormAsync(await PasswordStepAsync(other, "paula"), new() { ["Form.Code"] = App.CodeFor(newKey, await LastStepAsync(paula.Id)) });
        newCode.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AuditFor(paula.Id)).ShouldContain(AuditAction.AuthenticatorReplaced);
    }

    [Fact]
    public async Task Someone_who_lost_their_phone_confirms_with_a_recovery_code_and_sets_up_a_new_app()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var codes = await App.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByNameAsync("paula"))!, 10))!.ToList();
        });
        var client = App.NewClient();
        await client.SubmitFormAsync(await PasswordStepAsync(client, "paula"), new() { ["Form.Code"] = codes[0] });

        var confirmed = await client.SubmitFormAsync("/Account/Authenticator", Fields("Confirm", TipCasesApp.Password, codes[1]));

        (await confirmed.ReadHtmlAsync()).QuerySelector("[data-testid=authenticator-key]").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_new_password_with_the_code_replaces_the_old_one_and_ends_the_other_sessions_only()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var elsewhere = await App.SignedInClientAsync("paula");
        var client = await App.SignedInClientAsync("paula");

        var response = await client.SubmitFormAsync("/Account/ChangePassword", new()
        {
            ["Form.CurrentPassword"] = TipCasesApp.Password,
            ["Form.Code"] = await App.CodeAsync("paula"),
            ["Form.NewPassword"] = "river otter moonlight",
            ["Form.ConfirmPassword"] = "river otter moonlight",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, "this session carries on");
        (await elsewhere.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the other one has ended");
    }

    [Fact]
    public async Task A_refused_new_password_does_not_use_up_the_code()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");
        var code = await App.CodeAsync("paula");

        var refused = await client.SubmitFormAsync("/Account/ChangePassword", new()
        {
            ["Form.CurrentPassword"] = TipCasesApp.Password,
            ["Form.Code"] = code,
            ["Form.NewPassword"] = "paula paula paula",
            ["Form.ConfirmPassword"] = "paula paula paula",
        });
        var accepted = await client.SubmitFormAsync("/Account/ChangePassword", new()
        {
            ["Form.CurrentPassword"] = TipCasesApp.Password,
            ["Form.Code"] = code,
            ["Form.NewPassword"] = "river otter moonlight",
            ["Form.ConfirmPassword"] = "river otter moonlight",
        });

        (await refused.ReadHtmlAsync()).FieldError("Form.NewPassword").ShouldNotBeNullOrEmpty();
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Five_wrong_codes_when_confirming_lock_the_account_and_end_the_session()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");
        var wrong = Totp.Code(TipCasesApp.AuthenticatorKey, await LastStepAsync(paula.Id) + 9);

        var answers = new List<HttpResponseMessage>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            answers.Add(await client.SubmitFormAsync("/Account/RecoveryCodes", Fields("Confirm", TipCasesApp.Password, wrong)));
        }

        answers.Take(4).ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        answers[4].Headers.Location!.OriginalString.ShouldBe("/Account/Login");
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AuditFor(paula.Id)).ShouldContain(AuditAction.LockedOut);
    }

    [Fact]
    public async Task The_security_page_shows_the_recovery_codes_left_and_links_to_each_change()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");

        var page = await client.GetHtmlAsync("/Account/Security");

        page.QuerySelector("[data-testid=recovery-codes-left]")!.TextContent.ShouldContain("0 of 10 left");
        page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldBe(
            ["/Account/ChangePassword", "/Account/Authenticator", "/Account/RecoveryCodes"], ignoreOrder: true);
    }

    [Fact]
    public async Task An_administrator_resets_two_step_sign_in_for_someone_who_lost_phone_and_codes()
    {
        var root = await App.UserAsync("root", Roles.Administrator);
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var session = await App.SignedInClientAsync("paula");
        var admin = await App.SignedInClientAsync("root");
        (await admin.GetHtmlAsync($"/Admin/Users/Edit/{paula.Id}")).QuerySelector("[data-testid=two-step-status]")!.TextContent
            .ShouldBe("Set up with an authenticator app.");

        var reset = await admin.SubmitFormAsync($"/Admin/Users/Edit/{paula.Id}", [], handler: "ResetAuthenticator");

        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var edit = await admin.GetHtmlAsync($"/Admin/Users/Edit/{paula.Id}");
        edit.QuerySelector("[role=status]")!.TextContent.ShouldBe(Pages.Admin.Users.EditModel.ResetAuthenticatorMessage);
        edit.QuerySelector("[data-testid=two-step-status]")!.TextContent.ShouldStartWith("Not set up yet");
        (await session.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "her sessions have ended");
        var client = App.NewClient();
        (await client.GetAsync(await PasswordStepAsync(client, "paula"))).Headers.Location!.OriginalString.ShouldStartWith("/Account/Enrol");
        (await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().AuditEvents
            .AnyAsync(e => e.ActorId == root.Id && e.Action == AuditAction.AuthenticatorRemoved && e.EntityId == paula.Id.ToString()))).ShouldBeTrue();
    }

    [Fact]
    public async Task An_administrator_cannot_reset_their_own_two_step_sign_in_there()
    {
        var root = await App.UserAsync("root", Roles.Administrator);
        var admin = await App.SignedInClientAsync("root");
        var token = await admin.AntiforgeryTokenAsync();

        var response = await admin.PostFormAsync($"/Admin/Users/Edit/{root.Id}?handler=ResetAuthenticator", [], token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).Summary().ShouldBe("Set up a new app for your own account on the Sign-in security page.");
        (await admin.GetAsync("/Admin/Users")).StatusCode.ShouldBe(HttpStatusCode.OK, "still signed in, still enrolled");
    }

    private static Dictionary<string, string> Fields(string prefix, string password, string code) => prefix == "Form"
        ? new()
        {
            ["Form.CurrentPassword"] = password,
            ["Form.Code"] = code,
            ["Form.NewPassword"] = "river otter moonlight",
            ["Form.ConfirmPassword"] = "river otter moonlight",
        }
        : new() { ["Confirm.Password"] = password, ["Confirm.Code"] = code };

    private static async Task<string> PasswordStepAsync(HttpClient client, string userName)
    {
        var response = await client.SubmitFormAsync("/Account/Login",
            new() { ["Form.UserName"] = userName, ["Form.Password"] = TipCasesApp.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response.Headers.Location!.OriginalString;
    }

    private Task<long> LastStepAsync(Guid userId) => App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().AuthenticatorUses
        .Where(u => u.UserId == userId).Select(u => u.LastTimeStep).SingleAsync());

    private Task<List<AuditAction>> AuditFor(Guid userId) =>
        App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().AuditEvents
            .Where(e => e.ActorId == userId).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Select(e => e.Action).ToListAsync());
}
