using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TipCases.Domain.Cases;
using TipCases.Web.Security;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Security;

public sealed class SecurityHeaderTests(TipCasesApp app) : WebTest(app)
{
    /// <summary>Every page of the app, found at test time, so a new page cannot be missed.</summary>
    private List<string> PageRoutes() => App.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
        .Select(e => e.RoutePattern.RawText ?? "")
        .Distinct()
        .ToList();

    [Fact]
    public async Task Every_page_that_answers_is_never_cached_and_case_and_victim_pages_answer()
    {
        var paula = await App.UserAsync("paula", Roles.Prosecutor);
        var lena = await App.UserAsync("lena", Roles.VictimLiaisonOfficer);
        await App.UserAsync("root", Roles.Administrator);
        await App.UserAsync("sam", Roles.Supervisor);
        var @case = await App.CaseAsync("CPO", "Harbour lights", (paula.Id, TeamRole.Prosecutor), (lena.Id, TeamRole.VictimLiaisonOfficer));
        var victim = await App.VictimAsync(@case, liaisonOfficer: lena.Id);
        var clients = new[] { App.NewClient(), await App.SignedInClientAsync("paula"), await App.SignedInClientAsync("lena"), await App.SignedInClientAsync("root"), await App.SignedInClientAsync("sam") };
        var answered = new List<string>();

        foreach (var route in PageRoutes())
        {
            var url = "/" + route
                .Replace("{caseId:guid}", @case.Id.ToString(), StringComparison.Ordinal)
                .Replace("Cases/{id:guid}", $"Cases/{@case.Id}", StringComparison.Ordinal)
                .Replace("Victims/{id:guid}", $"Victims/{victim.Id}", StringComparison.Ordinal)
                .Replace("Users/Edit/{id:guid}", $"Users/Edit/{paula.Id}", StringComparison.Ordinal)
                .Replace("/{id:guid?}", "", StringComparison.Ordinal)
                .Replace("/{code:int?}", "/404", StringComparison.Ordinal);
            // Records of later features (a charge, a hearing, a request of the case) are tried with
            // an unknown id: the "not found" page must not be cached either.
            url = System.Text.RegularExpressions.Regex.Replace(url, @"\{[A-Za-z]+:guid\??\}", Guid.NewGuid().ToString());
            url.ShouldNotContain("{", customMessage: $"no test value for a parameter of {route}");
            foreach (var client in clients)
            {
                var response = await client.GetAsync(url);
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound)
                {
                    response.Headers.CacheControl?.NoStore.ShouldBe(true, $"{url} must not be cached");
                    answered.Add(url);
                }
            }
        }

        answered.ShouldContain($"/Cases/{@case.Id}");
        answered.ShouldContain($"/Victims/{victim.Id}");
        answered.ShouldContain($"/Victims/{victim.Id}/Support");
        answered.ShouldContain("/Account/Login");
        answered.ShouldContain("/Account/Security");
        PageRoutes().Where(r => !answered.Any(u => u.TrimStart('/').Split('/')[0] == r.Split('/')[0]))
            .ShouldBeEmpty("every part of the app was reached at least once");
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Mfa")]
    [InlineData("/Account/Enrol")]
    public async Task The_sign_in_pages_run_no_inline_script_and_allow_only_local_and_data_images(string url)
    {
        await App.UserAsync("paula", Roles.Prosecutor, enrolled: url != "/Account/Mfa" ? false : true);
        var client = App.NewClient();
        await client.SubmitFormAsync("/Account/Login", new() { ["Form.UserName"] = "paula", ["Form.Password"] = TipCasesApp.Password });

        var response = await client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("script-src 'self';");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldNotContain("unsafe-eval");
        csp.ShouldContain("img-src 'self' data:;");
        csp.ShouldContain("object-src 'none'");
        csp.ShouldContain("form-action 'self'");
        var page = await response.ReadHtmlAsync();
        page.QuerySelectorAll("script").ShouldAllBe(s => !string.IsNullOrEmpty(s.GetAttribute("src")) && s.GetAttribute("src")!.StartsWith('/'));
        page.QuerySelectorAll("[onclick],[onload],[onerror],[onsubmit]").ShouldBeEmpty();
        page.QuerySelectorAll("img").ShouldAllBe(i => i.GetAttribute("src")!.StartsWith("data:image/png;base64,") || i.GetAttribute("src")!.StartsWith('/'));
        response.Headers.CacheControl!.NoStore.ShouldBeTrue("a page with a secret on it");
    }

    [Fact]
    public async Task Hsts_outside_development_lasts_at_least_a_year()
    {
        var client = App.NewClient();
        client.BaseAddress = new Uri("https://tipcases.example");

        var response = await client.GetAsync("/Account/Login");

        var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
        var maxAge = int.Parse(hsts.Split(';')[0].Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
        maxAge.ShouldBeGreaterThanOrEqualTo(365 * 24 * 3600);
    }
}
