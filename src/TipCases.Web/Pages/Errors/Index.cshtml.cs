using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TipCases.Web.Pages.Errors;

/// <summary>
/// The page shown for an error status. It keeps the status code it was re-executed for, and says
/// nothing about whether a refused record exists.
/// </summary>
[IgnoreAntiforgeryToken(Order = 1001)] // re-executed for failed POSTs too; it changes nothing
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class IndexModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet() => Describe(Code());

    public void OnPost() => Describe(Code());

    /// <summary>The code from the route, read directly rather than model-bound: a re-executed POST
    /// still carries the refused request's form, which may be unreadable (model binding would then
    /// fail as a whole). Only error statuses (400-599) are honoured; any other number is "not found"
    /// (a 204 or 304 may not carry this page, and a 2xx would present an error as a success).</summary>
    private int? Code()
    {
        if (!int.TryParse(RouteData.Values["code"] as string, System.Globalization.NumberStyles.Integer,
                System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            return null;
        }
        return code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
    }

    /// <summary>Sign-in attempts are limited (see SignInLimits); the refusal carries Retry-After.</summary>
    private string TooManyAttemptsExplanation()
    {
        var wait = int.TryParse(Response.Headers.RetryAfter.ToString(), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? (seconds <= 60 ? "a minute" : $"{(seconds + 59) / 60} minutes")
            : "a few minutes";
        return "To protect accounts, the number of sign-in attempts and codes is limited, per account and per network address. " +
            $"Wait {wait}, then try again. If you did not make these attempts, tell your administrator.";
    }

    private void Describe(int? code)
    {
        var status = code ?? 500;
        (Title, Explanation) = status switch
        {
            403 => ("Not available to you", "Your account does not give you access to this page. If you need it for your work, ask your supervisor."),
            404 => ("Page not found", "There is no page at this address, or it is not available to you."),
            400 => ("Request not accepted", "The request could not be processed. Go back, reload the page and try again."),
            429 => ("Too many attempts", TooManyAttemptsExplanation()),
            503 => ("Temporarily unavailable", "TipCases cannot reach its database right now. Nothing you saved is lost; try again in a minute."),
            _ => ("Something went wrong", "The request could not be completed. Nothing was changed. If this keeps happening, tell your administrator the time it happened."),
        };
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && code is not null)
        {
            Response.StatusCode = status;
        }
    }
}
