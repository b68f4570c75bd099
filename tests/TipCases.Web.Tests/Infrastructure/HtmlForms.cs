using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace TipCases.Web.Tests.Infrastructure;

/// <summary>Reads pages and submits their forms the way a browser does, antiforgery token included.</summary>
public static class HtmlForms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> ReadHtmlAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public static async Task<IHtmlDocument> GetHtmlAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await response.ReadHtmlAsync();
    }

    /// <summary>Loads <paramref name="pageUrl"/>, takes the antiforgery token of its form number
    /// <paramref name="formIndex"/> (counting the page's own forms, the layout's sign-out form
    /// excluded) and posts <paramref name="fields"/> to that form's action.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl,
        Dictionary<string, string> fields, int formIndex = 0, string? handler = null)
    {
        var page = await client.GetHtmlAsync(pageUrl);
        return await client.SubmitFormAsync(page, pageUrl, fields, formIndex, handler);
    }

    /// <summary>Submits a form of a page already loaded (e.g. one shown only after a POST).</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, IHtmlDocument page, string pageUrl,
        Dictionary<string, string> fields, int formIndex = 0, string? handler = null)
    {
        var forms = page.QuerySelectorAll<IHtmlFormElement>("main form[method=post]").ToList();
        var form = handler is null
            ? forms[formIndex]
            : forms.First(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.Ordinal));
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        // What the browser would send (hidden fields such as a row version included), with the
        // test's values in place of the form's own.
        var values = FormValues(form).Where(v => !fields.ContainsKey(v.Key)).Concat(fields).ToList();
        return await client.PostFormAsync(action, values, antiforgeryToken: null);
    }

    private static IEnumerable<KeyValuePair<string, string>> FormValues(IHtmlFormElement form)
    {
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } check when check.IsChecked:
                    yield return new(name, check.Value);
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "submit" or "button" }:
                    break;
                case IHtmlInputElement input:
                    yield return new(name, input.Value);
                    break;
                case IHtmlTextAreaElement area:
                    yield return new(name, area.Value);
                    break;
                case IHtmlSelectElement select:
                    yield return new(name, select.Value ?? "");
                    break;
            }
        }
    }

    /// <summary>An antiforgery token for a signed-in client, taken from a page every user can open,
    /// to post to a page the user may not be allowed to open (where the refusal is the point).</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pageUrl = "/Account/ChangePassword") =>
        (await client.GetHtmlAsync(pageUrl)).QuerySelector<IHtmlInputElement>("main input[name=__RequestVerificationToken]")!.Value;

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url,
        IEnumerable<KeyValuePair<string, string>> fields, string? antiforgeryToken)
    {
        var all = fields.ToList();
        if (antiforgeryToken is not null)
        {
            all.Add(new("__RequestVerificationToken", antiforgeryToken));
        }
        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(url, content);
    }

    /// <summary>The validation message shown next to a field, e.g. "Form.UserName".</summary>
    public static string FieldError(this IHtmlDocument page, string field)
    {
        var byTagHelper = page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim();
        if (!string.IsNullOrEmpty(byTagHelper))
        {
            return byTagHelper;
        }
        return page.QuerySelector($"#{field.Replace('.', '_')}-error")?.TextContent.Trim() ?? "";
    }

    public static string Summary(this IHtmlDocument page) =>
        page.QuerySelector(".validation-summary-errors")?.TextContent.Trim() ?? "";
}
