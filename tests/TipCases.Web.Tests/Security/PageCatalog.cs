using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TipCases.Testing.Security;

/// <summary>One way into a page: an HTTP method, the page's route (constraints left out, e.g.
/// <c>/Cases/{id}/Edit</c>) and a named handler (<c>?handler=Add</c>) or none.</summary>
public sealed partial record PageEntry(string Method, string Route, string? Handler)
{
    /// <summary>How the access matrix names it: <c>POST /Cases/{id}/Team?handler=Add</c>.</summary>
    public string Key => $"{Method} {Route}{(Handler is null ? "" : "?handler=" + Handler)}";

    /// <summary>The route's parameters, e.g. <c>id</c>, with whether each is optional.</summary>
    public IReadOnlyList<(string Name, bool Optional)> Parameters =>
        ParameterPattern().Matches(Route).Select(m => (m.Groups["name"].Value, m.Groups["optional"].Success)).ToList();

    /// <summary>The address with the parameters filled in (a null value leaves an optional one out).</summary>
    public string Url(IReadOnlyDictionary<string, string?> values)
    {
        var path = ParameterPattern().Replace(Route, m => values.TryGetValue(m.Groups["name"].Value, out var v) && v is not null
            ? Uri.EscapeDataString(v)
            : "");
        path = path.Replace("//", "/", StringComparison.Ordinal);
        if (path.Length > 1)
        {
            path = path.TrimEnd('/');
        }
        return path + (Handler is null ? "" : "?handler=" + Uri.EscapeDataString(Handler));
    }

    [GeneratedRegex(@"\{(?<name>\w+)(?<optional>\?)?\}")]
    internal static partial Regex ParameterPattern();
}

/// <summary>
/// Every Razor page of the running app and every handler it declares, read at test time from the
/// app's own endpoints (so a page added tomorrow is found without anyone listing it). Every page
/// answers GET (a page without OnGet still renders), so GET is always listed; POST is listed for
/// each OnPost handler, named or not.
/// </summary>
public static partial class PageCatalog
{
    public static async Task<IReadOnlyList<PageEntry>> DiscoverAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var pages = services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(p => p.Page is not null)
            // An Index page answers at two addresses (/Cases and /Cases/Index): one page, checked once.
            .GroupBy(p => p.Page!.ViewEnginePath, StringComparer.Ordinal)
            .Select(g => g.OrderBy(p => p.Endpoint.RoutePattern.RawText!.Length).First());

        var entries = new List<PageEntry>();
        foreach (var (endpoint, page) in pages)
        {
            var compiled = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page!, endpoint.Metadata);
            var route = Normalise(endpoint.RoutePattern.RawText!);
            entries.Add(new PageEntry("GET", route, null));
            foreach (var handler in compiled.HandlerMethods)
            {
                var method = handler.HttpMethod.ToUpperInvariant();
                if (method == "GET" && handler.Name is null)
                {
                    continue;
                }
                entries.Add(new PageEntry(method, route, handler.Name));
            }
        }
        return entries.Distinct().OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ThenBy(e => e.Handler, StringComparer.Ordinal).ToList();
    }

    /// <summary>"Cases/{id:guid}/Edit" → "/Cases/{id}/Edit"; "Error/{code:int?}" → "/Error/{code?}".</summary>
    public static string Normalise(string rawRoute) =>
        "/" + Constraint().Replace(rawRoute.Trim('/'), m => "{" + m.Groups["name"].Value + (m.Groups["optional"].Success ? "?" : "") + "}");

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}?]+)*(?<optional>\?)?\}")]
    private static partial Regex Constraint();
}
