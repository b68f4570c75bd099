using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace TipCases.Web.Infrastructure;

/// <summary>
/// When PostgreSQL cannot be reached (stopped, restarting, the network down, every connection
/// taken), a page answers 503 with the friendly error page and a Retry-After, instead of a 500 that
/// reads like a defect; nothing was saved, as the transaction never committed. The connection pools
/// are cleared, so the first request after the database returns opens a fresh connection rather
/// than one the outage broke: the app recovers without a restart.
/// </summary>
public sealed partial class DatabaseUnavailableMiddleware(RequestDelegate next, ILogger<DatabaseUnavailableMiddleware> logger)
{
    public const int RetryAfterSeconds = 30;

    /// <summary>Shown when even the error page cannot be rendered (it needed the database too).</summary>
    private const string FallbackPage =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Temporarily unavailable · TipCases</title></head>" +
        "<body><main><h1>Temporarily unavailable</h1><p>TipCases cannot reach its database right now. Nothing you saved is lost; " +
        "try again in a minute.</p></main></body></html>";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (IsDatabaseUnavailable(ex) && !context.Response.HasStarted)
        {
            // The exception type only: connection errors carry no personal data, but a log line never should.
            LogUnavailable(logger, ex.GetType().Name, context.Request.Method, context.Request.Path);
            NpgsqlConnection.ClearAllPools();
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            {
                // Already rendering the error page, which failed too: answer with a page of our own.
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(FallbackPage);
            }
            // Otherwise the status-code page renders /Error/503 around this empty 503.
        }
    }

    /// <summary>Whether the exception (or one it wraps) means the database could not be reached or
    /// could not serve the request at all, as opposed to refusing this request (a constraint, say).</summary>
    public static bool IsDatabaseUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    // Connection exceptions (class 08), shutdown and start-up (57P01-57P03), and no
                    // connection slots or disk left (53300, 53100): the server cannot serve anyone.
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300" or "53100";
                case NpgsqlException:
                    return true; // no answer from the server: refused, reset, timed out
                case System.Text.RegularExpressions.RegexMatchTimeoutException:
                    return false;
                case TimeoutException or SocketException:
                    return true;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(IsDatabaseUnavailable);
            }
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable ({ExceptionType}): {Method} {Path} answered 503")]
    private static partial void LogUnavailable(ILogger logger, string exceptionType, string method, PathString path);
}
