using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TipCases.Web.Infrastructure;

public static class TooManyAttempts
{
    /// <summary>429 with <c>Retry-After</c> in whole seconds; the error page explains it.</summary>
    public static IActionResult TooManyAttemptsResult(this PageModel page, TimeSpan wait)
    {
        page.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return page.StatusCode(StatusCodes.Status429TooManyRequests);
    }
}
