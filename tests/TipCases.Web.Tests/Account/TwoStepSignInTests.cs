using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Web.Auditing;
using TipCases.Web.Data;
using TipCases.Web.Pages.Account;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Account;

public sealed class TwoStepSignInTests(TipCasesApp app) : WebTest(app)
{
    [Fact]
    public async Task A_right_password_alone_gives_no_session_only_the_code_page()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = App.NewClient();

        var password = await client.SubmitFormAsync("/Account/Login", Login("paula"));

        password.Headers.Location!.OriginalString.ShouldStartWith("/Account/Mfa");
        var home = await client.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
        (await client.GetHtmlAsync("/Account/Mfa")).QuerySelector("h1")!.TextContent.ShouldBe("Enter your sign-in code");
    }

    [Theory]
    [InlineData("/Account/Mfa")]
    [InlineData("/Account/Enrol")]
    public async Task The_code_pages_need_the_password_step_first(string url)
    {
        var response = await App.NewClient().GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("/Account/Login");
    }

    [Fact]
    public async Task A_right_code_signs_in_and_is_audited()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var client = App.NewClient();
        var codePage = await PasswordStepAsync(client, "paula");

        var response = await client.SubmitFormAsync(codePage, Code(await App.CodeAsync("paula")));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AuditFor(paula.Id)).ShouldBe([AuditAction.PasswordAccepted, AuditAction.SignedIn]);
    }

    [Fact]
    public async Task A_code_is_accepted_once_only()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var code = await App.CodeAsync("paula");
        var first = App.NewClient();
        await first.SubmitFormAsync(await PasswordStepAsync(first, "paula"), Code(code));
        var second = App.NewClient();
        var codePage = await PasswordStepAsync(second, "paula");

        var replay = await second.SubmitFormAsync(codePage, Code(code));

        replay.StatusCode.ShouldBe(HttpStatusCode.OK, "the code page again, no session");
        (await replay.ReadHtmlAsync()).FieldError("Form.Code").ShouldBe(Reauthentication.CodeAlreadyUsedMessage);
        (await second.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AuditDetailsFor(paula.Id, AuditAction.CodeRefused)).ShouldHaveSingleItem().ShouldContain("code already used");
        // The next code, half a minute on, is accepted.
        var next = await second.SubmitFormAsync(codePage, Code(await App.CodeAsync("paula")));
        next.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task An_older_code_than_the_last_accepted_one_is_refused_too()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var earlier = Totp.Code(TipCasesApp.AuthenticatorKey, Totp.StepAt(App.Clock.GetUtcNow()) - 1);
        var client = App.NewClient();
        await client.SubmitFormAsync(await PasswordStepAsync(client, "paula"), Code(await App.CodeAsync("paula")));
        var other = App.NewClient();

        var response = await other.SubmitFormAsync(await PasswordStepAsync(other, "paula"), Code(earlier));

        (await response.ReadHtmlAsync()).FieldError("Form.Code").ShouldBe(Reauthentication.CodeAlreadyUsedMessage);
    }

    [Theory]
    [InlineData("000000")]
    [InlineData("12345")]
    [InlineData("not a code")]
    public async Task A_wrong_code_is_refused_next_to_the_field_and_audited(string code)
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var client = App.NewClient();
        if (code == "000000" && await App.CodeAsync("paula") == code)
        {
            App.Clock.Advance(Totp.Step);
        }

        var response = await client.SubmitFormAsync(await PasswordStepAsync(client, "paula"), Code(code));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).FieldError("Form.Code").ShouldBe(Reauthentication.WrongCodeMessage);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AuditFor(paula.Id)).ShouldContain(AuditAction.CodeRefused);
    }

    [Fact]
    public async Task A_code_from_another_authenticator_is_refused()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = App.NewClient();

        var response = await client.SubmitFormAsync(await PasswordStepAsync(client, "paula"), Code(App.CodeFor(Totp.NewKey())));

        (await response.ReadHtmlAsync()).FieldError("Form.Code").ShouldBe(Reauthentication.WrongCodeMessage);
    }

    [Fact]
    public async Task An_empty_code_gets_a_message_next_to_the_field()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = App.NewClient();

        var response = await client.SubmitFormAsync(await PasswordStepAsync(client, "paula"), Code(""));

        (await response.ReadHtmlAsync()).FieldError("Form.Code").ShouldBe("Enter the code from your authenticator app.");
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_account_and_say_so_only_to_who_knew_the_password()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var client = App.NewClient();
        var codePage = await PasswordStepAsync(client, "paula");
        var wrong = Totp.Code(TipCasesApp.AuthenticatorKey, Totp.StepAt(App.Clock.GetUtcNow()) + 5);

        var answers = new List<HttpResponseMessage>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            answers.Add(await client.SubmitFormAsync(codePage, Code(wrong)));
        }

        answers.Take(4).ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        answers[4].StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var login = await client.GetHtmlAsync(answers[4].Headers.Location!.OriginalString);
        login.QuerySelector("[role=alert]")!.TextContent.ShouldBe(MfaModel.LockedOutMessage);
        (await client.GetAsync("/Account/Mfa")).Headers.Location!.OriginalString.ShouldStartWith("/Account/Login", customMessage: "the step between is over");
        // Even the right password then gets the message every refusal gets.
        var again = await App.NewClient().SubmitFormAsync("/Account/Login", Login("paula"));
        (await again.ReadHtmlAsync()).Summary().ShouldBe(LoginModel.RefusedMessage);
        (await AuditFor(paula.Id)).ShouldContain(AuditAction.LockedOut);
    }

    [Fact]
    public async Task An_account_disabled_between_the_password_and_the_code_is_refused()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var client = App.NewClient();
        var codePage = await PasswordStepAsync(client, "paula");
        await App.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(paula.Id.ToString()))!;
            user.IsActive = false;
            await users.UpdateAsync(user);
        });

        var response = await client.SubmitFormAsync(codePage, Code(await App.CodeAsync("paula")));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("/Account/Login");
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetHtmlAsync("/Account/Login")).QuerySelector("[role=alert]")!.TextContent.ShouldBe(LoginModel.RefusedMessage);
    }

    [Fact]
    public async Task The_step_between_password_and_code_expires_after_five_minutes()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = App.NewClient();
        var codePage = await PasswordStepAsync(client, "paula");
        var page = await client.GetHtmlAsync(codePage);
        App.Clock.Advance(TimeSpan.FromMinutes(6));

        var response = await client.SubmitFormAsync(page, codePage, Code(await App.CodeAsync("paula")));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("/Account/Login");
        (await client.GetHtmlAsync("/Account/Login")).QuerySelector("[role=alert]")!.TextContent.ShouldBe(MfaModel.ExpiredMessage);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_user_without_an_authenticator_sets_one_up_at_the_first_sign_in()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor, enrolled: false);
        var client = App.NewClient();
        var codePage = await PasswordStepAsync(client, "paula");

        var toEnrol = await client.GetAsync(codePage);
        toEnrol.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var enrolUrl = toEnrol.Headers.Location!.OriginalString;
        enrolUrl.ShouldStartWith("/Account/Enrol");
        var enrol = await client.GetHtmlAsync(enrolUrl);
        var key = enrol.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal).Trim();
        var qr = enrol.QuerySelector("img.qr-code")!;
        qr.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,", customMessage: "drawn by the app, no QR code service");
        qr.GetAttribute("alt")!.ShouldNotBeNullOrWhiteSpace();
        enrol.Body!.InnerHtml.ShouldNotContain("otpauth://", customMessage: "the secret is in the picture and the key, not a link");

        var wrong = await client.SubmitFormAsync(enrol, enrolUrl, Code(App.CodeFor(Totp.NewKey())));
        (await wrong.ReadHtmlAsync()).FieldError("Form.Code").ShouldBe(EnrolModel.WrongSetupCodeMessage);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "no session before the app is proved");

        var done = await client.SubmitFormAsync(enrol, enrolUrl, Code(App.CodeFor(key)));

        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        var codes = (await done.ReadHtmlAsync()).QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        codes.Count.ShouldBe(10);
        codes.ShouldAllBe(c => c.Length == 29);
        codes.Distinct().Count().ShouldBe(10);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, "signed in");
        (await AuditFor(paula.Id)).ShouldBe([AuditAction.PasswordAccepted, AuditAction.CodeRefused, AuditAction.AuthenticatorEnrolled, AuditAction.SignedIn]);

        // The next sign-in asks for a code from that key; the code that set it up is used.
        var later = App.NewClient();
        var laterCodePage = await PasswordStepAsync(later, "paula");
        (await later.GetAsync(laterCodePage)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await later.SubmitFormAsync(laterCodePage, Code(App.CodeFor(key, Totp.StepAt(App.Clock.GetUtcNow()))))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_set_up_page_left_open_too_long_offers_a_new_key()
    {
        await App.UserAsync("paula", Roles.Prosecutor, enrolled: false);
        var client = App.NewClient();
        await PasswordStepAsync(client, "paula");
        var enrol = await client.GetHtmlAsync("/Account/Enrol");
        var key = enrol.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal).Trim();
        App.Clock.Advance(TimeSpan.FromMinutes(4));
        // The step between password and code lasts five minutes; renew it to test the offer alone.
        await client.SubmitFormAsync("/Account/Login", Login("paula"));
        App.Clock.Advance(TimeSpan.FromMinutes(12));
        await client.SubmitFormAsync("/Account/Login", Login("paula"));

        var response = await client.SubmitFormAsync(enrol, "/Account/Enrol", Code(App.CodeFor(key)));

        var page = await response.ReadHtmlAsync();
        page.Summary().ShouldBe(EnrolModel.ExpiredOfferMessage);
        page.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal).Trim().ShouldNotBe(key);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var codes = await RecoveryCodesAsync("paula");
        var client = App.NewClient();

        var response = await client.SubmitFormAsync(await PasswordStepAsync(client, "paula"), Code(codes[3].ToUpperInvariant().Replace("-", " ", StringComparison.Ordinal)));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetHtmlAsync("/Account/Security")).QuerySelector("[data-testid=recovery-codes-left]")!.TextContent.ShouldContain("9 of 10 left");
        var again = App.NewClient();
        var reused = await again.SubmitFormAsync(await PasswordStepAsync(again, "paula"), Code(codes[3]));
        reused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reused.ReadHtmlAsync()).FieldError("Form.Code").ShouldBe(Reauthentication.WrongCodeMessage);
        (await again.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var audit = await AuditFor(paula.Id);
        audit.Count(a => a == AuditAction.RecoveryCodeUsed).ShouldBe(1);
        (await AuditDetailsFor(paula.Id, AuditAction.CodeRefused)).ShouldHaveSingleItem().ShouldContain("wrong recovery code");
    }

    [Fact]
    public async Task Secrets_are_not_stored_in_plain_text()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var codes = await RecoveryCodesAsync("paula");

        var stored = await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().UserTokens
            .Where(t => t.UserId == paula.Id).Select(t => t.Value ?? "").ToListAsync());

        var all = string.Join("\n", stored);
        all.ShouldNotContain(TipCasesApp.AuthenticatorKey);
        foreach (var code in codes)
        {
            all.ShouldNotContain(code);
            all.ShouldNotContain(code.Replace("-", "", StringComparison.Ordinal));
        }
        stored.Count.ShouldBe(2, "the encrypted key and the hashed recovery codes");
    }

    private static Dictionary<string, string> Login(string userName) =>
        new() { ["Form.UserName"] = userName, ["Form.Password"] = TipCasesApp.Password };

    private static Dictionary<string, string> Code(string code) => new() { ["Form.Code"] = code };

    private static async Task<string> PasswordStepAsync(HttpClient client, string userName)
    {
        var response = await client.SubmitFormAsync("/Account/Login", Login(userName));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response.Headers.Location!.OriginalString;
    }

    private Task<List<string>> RecoveryCodesAsync(string userName) => App.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodes.Count))!.ToList();
    });

    private Task<List<AuditAction>> AuditFor(Guid userId) =>
        App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().AuditEvents
            .Where(e => e.ActorId == userId).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Select(e => e.Action).ToListAsync());

    private async Task<List<string>> AuditDetailsFor(Guid userId, AuditAction action) =>
        (await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().AuditEvents
            .Where(e => e.ActorId == userId && e.Action == action).Select(e => e.Details).ToListAsync()))
        .Select(d => d ?? "").ToList();
}
