using Microsoft.AspNetCore.Diagnostics;

namespace TipCases.Web.Infrastructure;

/// <summary>
/// Answers 400 to a request whose query string or form holds a NUL or another C0 control
/// character (tab, line feed and carriage return excepted), in a name or a value. PostgreSQL
/// refuses NUL in text, so such a value would otherwise fail the save with a 500, and no field of
/// TipCases needs the other control characters. One check here instead of a rule on every field.
/// </summary>
public sealed class ControlCharacterFilterMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // The status-code page re-executes the refused request (form included) to render the 400.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && await IsRefusedAsync(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await next(context);
    }

    /// <summary>Whether the text holds a control character other than tab, line feed and carriage return.</summary>
    public static bool HasControlCharacter(string? text)
    {
        foreach (var ch in text ?? "")
        {
            if (ch < ' ' && ch is not ('\t' or '\n' or '\r'))
            {
                return true;
            }
        }
        return false;
    }

    private static async Task<bool> IsRefusedAsync(HttpRequest request)
    {
        if (request.Query.Any(p => HasControlCharacter(p.Key) || p.Value.Any(HasControlCharacter)))
        {
            return true;
        }
        if (!request.HasFormContentType)
        {
            return false;
        }
        IFormCollection form;
        try
        {
            // Buffered by ASP.NET Core: model binding and antiforgery read the same form afterwards.
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return true; // a malformed or oversized form body; ASP.NET Core itself refuses a NUL in a form value
        }
        return form.Any(p => HasControlCharacter(p.Key) || p.Value.Any(HasControlCharacter))
            || form.Files.Any(f => HasControlCharacter(f.Name) || HasControlCharacter(f.FileName));
    }
}
