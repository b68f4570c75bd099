namespace TipCases.Web.Tests.Infrastructure;

/// <summary>A clock the tests can move forward, e.g. past the session revalidation interval.</summary>
public sealed class MutableTimeProvider : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;
}
