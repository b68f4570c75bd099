using System.Net;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Account;

public sealed class ChangePasswordTests(TipCasesApp app) : WebTest(app)
{
    [Theory]
    [InlineData("short", "Use at least 12 characters; a phrase of several words works well.")]
    [InlineData("password1234", "This password is on a list of commonly used passwords. Choose a longer phrase that only you would think of.")]
    [InlineData("QWERTY123456", "This password is on a list of commonly used passwords. Choose a longer phrase that only you would think of.")]
    public async Task A_short_or_common_password_is_refused_next_to_the_field(string newPassword, string message)
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");

        var response = await client.SubmitFormAsync("/Account/ChangePassword", await Change(TipCasesApp.Password, newPassword));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).FieldError("Form.NewPassword").ShouldBe(message);
        (await App.SignedInClientAsync("paula", TipCasesApp.Password)).ShouldNotBeNull("the old password still works");
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");

        var response = await client.SubmitFormAsync("/Account/ChangePassword", await Change("not my password at all", "river otter moonlight"));

        (await response.ReadHtmlAsync()).FieldError("Form.CurrentPassword").ShouldBe("The current password is not correct.");
    }

    [Fact]
    public async Task Five_wrong_current_passwords_lock_the_account_and_end_the_session()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");

        var answers = new List<HttpResponseMessage>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            answers.Add(await client.SubmitFormAsync("/Account/ChangePassword", await Change("wrong guess number " + attempt, "river otter moonlight")));
        }

        answers.Take(4).ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        answers[4].StatusCode.ShouldBe(HttpStatusCode.Redirect);
        answers[4].Headers.Location!.OriginalString.ShouldBe("/Account/Login");
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the session has ended");
        var signIn = await App.NewClient().SubmitFormAsync("/Account/Login",
            new() { ["Form.UserName"] = "paula", ["Form.Password"] = TipCasesApp.Password });
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK, "the account is locked, even against the right password");
    }

    [Fact]
    public async Task An_overlong_current_password_is_refused_next_to_the_field()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");

        var response = await client.SubmitFormAsync("/Account/ChangePassword", await Change(new string('x', 257), "river otter moonlight"));

        (await response.ReadHtmlAsync()).FieldError("Form.CurrentPassword").ShouldBe("That is longer than any password.");
    }

    [Fact]
    public async Task A_good_new_password_replaces_the_old_one()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");

        var response = await client.SubmitFormAsync("/Account/ChangePassword", await Change(TipCasesApp.Password, "river otter moonlight"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.SignedInClientAsync("paula", "river otter moonlight")).ShouldNotBeNull();
    }

    private async Task<Dictionary<string, string>> Change(string current, string newPassword, string? code = null) => new()
    {
        ["Form.CurrentPassword"] = current,
        ["Form.Code"] = code ?? await App.CodeAsync("paula"),
        ["Form.NewPassword"] = newPassword,
        ["Form.ConfirmPassword"] = newPassword,
    };
}
