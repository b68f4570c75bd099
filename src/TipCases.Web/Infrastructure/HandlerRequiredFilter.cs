using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace TipCases.Web.Infrastructure;

/// <summary>
/// A request that changes state must reach a handler the page declares. Without this, a POST to a
/// page that has no matching OnPost handler (say, POST /Cases/{id}) renders the page without
/// running OnGet, and so without its access check: an empty page for a case the user may not read,
/// or a 500 where the page needs what OnGet loads. Such a request is answered 404, like any
/// address with nothing behind it. GET and HEAD keep Razor Pages' own behaviour (a page without
/// OnGet still renders).
/// </summary>
public sealed class HandlerRequiredFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.Result = new NotFoundResult();
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}

public static class RequestGuards
{
    /// <summary>Guards every page: <see cref="HandlerRequiredFilter"/>.</summary>
    public static IServiceCollection AddRequestGuards(this IServiceCollection services) =>
        services.Configure<MvcOptions>(options => options.Filters.Add(new HandlerRequiredFilter()));
}
