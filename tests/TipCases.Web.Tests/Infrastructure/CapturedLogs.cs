using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace TipCases.Web.Tests.Infrastructure;

/// <summary>Every log event the app writes, rendered, so tests can assert what never appears in logs.</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        logEvent.RenderMessage(writer, CultureInfo.InvariantCulture);
        foreach (var property in logEvent.Properties)
        {
            writer.Write($" {property.Key}={property.Value}");
        }
        writer.Write(logEvent.Exception?.ToString());
        _lines.Enqueue(writer.ToString());
    }

    public IReadOnlyList<string> Lines => _lines.ToArray();
}
