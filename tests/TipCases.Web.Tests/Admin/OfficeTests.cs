using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Web.Data;
using TipCases.Web.Pages.Admin.Offices;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Admin;

public sealed class OfficeTests(TipCasesApp app) : WebTest(app)
{
    [Fact]
    public async Task An_administrator_creates_an_office_with_an_upper_case_code()
    {
        await App.UserAsync("root", Roles.Administrator);
        var client = await App.SignedInClientAsync("root");

        var response = await client.SubmitFormAsync("/Admin/Offices/Edit", new() { ["Form.Code"] = "sro", ["Form.Name"] = "Southern Regional Office" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var office = await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().Offices.SingleAsync(o => o.Code == "SRO"));
        office.Name.ShouldBe("Southern Regional Office");
    }

    [Theory]
    [InlineData("", "Southern", "Form.Code", "Enter a code of 2 to 6 capital letters.")]
    [InlineData("S1", "Southern", "Form.Code", "Use 2 to 6 letters A to Z, for example CPO.")]
    [InlineData("TOOLONGX", "Southern", "Form.Code", "Use 2 to 6 letters A to Z, for example CPO.")]
    [InlineData("SRO", "", "Form.Name", "Enter the office's name.")]
    public async Task Bad_input_is_refused_next_to_the_field_and_nothing_is_saved(string code, string name, string field, string message)
    {
        await App.UserAsync("root", Roles.Administrator);
        var client = await App.SignedInClientAsync("root");

        var response = await client.SubmitFormAsync("/Admin/Offices/Edit", new() { ["Form.Code"] = code, ["Form.Name"] = name });

        (await response.ReadHtmlAsync()).FieldError(field).ShouldBe(message);
        (await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().Offices.CountAsync())).ShouldBe(1, "only the admin's own office");
    }

    [Fact]
    public async Task A_code_already_used_is_refused()
    {
        await App.UserAsync("root", Roles.Administrator);
        var client = await App.SignedInClientAsync("root");

        var response = await client.SubmitFormAsync("/Admin/Offices/Edit", new() { ["Form.Code"] = "CPO", ["Form.Name"] = "Another office" });

        (await response.ReadHtmlAsync()).FieldError("Form.Code").ShouldBe("An office with this code or name already exists.");
    }

    [Fact]
    public async Task Two_administrators_renaming_one_office_never_overwrite_each_other()
    {
        await App.UserAsync("root", Roles.Administrator);
        await App.UserAsync("root2", Roles.Administrator);
        var office = await App.OfficeAsync("NRO", "Northern Regional Office");
        var first = await App.SignedInClientAsync("root");
        var second = await App.SignedInClientAsync("root2");
        var url = $"/Admin/Offices/Edit/{office.Id}";
        var firstForm = await first.GetHtmlAsync(url);
        var secondForm = await second.GetHtmlAsync(url);

        var firstSave = await Rename(first, url, firstForm, "Northern Office (Tromsø)");
        var secondSave = await Rename(second, url, secondForm, "North Office");

        firstSave.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await secondSave.ReadHtmlAsync();
        page.Summary().ShouldBe(EditModel.ConflictMessage);
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Form_Name")!.Value.ShouldBe("Northern Office (Tromsø)");
        (await App.WithScopeAsync(sp => sp.GetRequiredService<TipCasesDbContext>().Offices.SingleAsync(o => o.Id == office.Id))).Name
            .ShouldBe("Northern Office (Tromsø)");
    }

    private static Task<HttpResponseMessage> Rename(HttpClient client, string url, AngleSharp.Html.Dom.IHtmlDocument form, string name) =>
        client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Form.Name"] = name,
            ["Form.Version"] = form.QuerySelector("main input[name='Form.Version']")!.GetAttribute("value")!,
        }, form.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
}
