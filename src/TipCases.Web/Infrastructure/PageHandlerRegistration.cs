namespace TipCases.Web.Infrastructure;

/// <summary>Marks a page's nested Handler class, so it is registered in DI and tests can call it
/// without HTTP.</summary>
public interface IPageHandler;

public static class PageHandlerRegistration
{
    public static IServiceCollection AddPageHandlers(this IServiceCollection services)
    {
        var handlers = typeof(PageHandlerRegistration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPageHandler).IsAssignableFrom(t));
        foreach (var handler in handlers)
        {
            services.AddScoped(handler);
        }
        return services;
    }
}
