using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using TipCases.Web.Tests.Infrastructure;

namespace TipCases.Web.Tests.Security;

/// <summary>More app instances beside the shared one: each its own host (own services, caches and
/// connection pool), configured like <see cref="TipCasesApp"/> with the same identity key.</summary>
public static class Instances
{
    /// <summary>A second instance on the same database, or on <paramref name="connectionString"/> (e.g. through a proxy).</summary>
    public static WebApplicationFactory<Program> AnotherInstance(this TipCasesApp app, string? connectionString = null) =>
        app.WithWebHostBuilder(builder =>
        {
            if (connectionString is not null)
            {
                builder.UseSetting("ConnectionStrings:TipCases", connectionString);
            }
        });

    /// <summary>The cookies (the session) a client of <see cref="TipCasesApp.NewClient"/> holds, to send
    /// them to another instance. WebApplicationFactory keeps them in the CookieContainerHandler at the
    /// head of the client's handler chain, which HttpClient does not expose.</summary>
    public static CookieContainer CookiesOf(this HttpClient client)
    {
        var field = typeof(HttpMessageInvoker).GetField("_handler", BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new InvalidOperationException("HttpMessageInvoker no longer keeps its handler in _handler: find another way to the cookies.");
        for (var handler = field.GetValue(client) as HttpMessageHandler; handler is not null; handler = (handler as DelegatingHandler)?.InnerHandler)
        {
            if (handler is CookieContainerHandler cookies)
            {
                return cookies.Container;
            }
        }
        throw new InvalidOperationException("This client keeps no cookies (create it with HandleCookies).");
    }

    /// <summary>A client of <paramref name="instance"/> that sends, and keeps, the cookies in <paramref name="cookies"/>.</summary>
    public static HttpClient ClientWith(this WebApplicationFactory<Program> instance, CookieContainer cookies) =>
        instance.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
}
