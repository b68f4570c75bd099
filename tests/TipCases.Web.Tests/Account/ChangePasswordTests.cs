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

        var response = await client.SubmitFormAsync("/Account/ChangePassword", Change(TipCasesApp.Password, newPassword));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).FieldError("Form.NewPassword").ShouldBe(message);
        (await App.SignedInClientAsync("paula", TipCasesApp.Password)).ShouldNotBeNull("the old password still works");
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");

        var response = await client.SubmitFormAsync("/Account/ChangePassword", Change("not my password at all", "river otter moonlight"));

        (await response.ReadHtmlAsync()).FieldError("Form.CurrentPassword").ShouldBe("The current password is not correct.");
    }

    [Fact]
    public async Task A_good_new_password_replaces_the_old_one()
    {
        await App.UserAsync("paula", Roles.Prosecutor);
        var client = await App.SignedInClientAsync("paula");

        var response = await client.SubmitFormAsync("/Account/ChangePassword", Change(TipCasesApp.Password, "river otter moonlight"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.SignedInClientAsync("paula", "river otter moonlight")).ShouldNotBeNull();
    }

    private static Dictionary<string, string> Change(string current, string newPassword) => new()
    {
        ["Form.CurrentPassword"] = current,
        ["Form.NewPassword"] = newPassword,
        ["Form.ConfirmPassword"] = newPassword,
    };
}
