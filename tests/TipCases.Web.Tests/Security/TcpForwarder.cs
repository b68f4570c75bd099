using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace TipCases.Web.Tests.Security;

/// <summary>
/// A TCP forwarder on a loopback port to a real server (PostgreSQL), which a test can stop, so the
/// database looks gone to whoever connects through it (open connections are cut, new ones refused),
/// and start again on the same port, without touching the server that other tests share.
/// </summary>
public sealed class TcpForwarder(string targetHost, int targetPort) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<TcpClient, bool> _open = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;

    public int Port { get; private set; }

    public void Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _stop = new CancellationTokenSource();
        _ = AcceptAsync(listener, _stop.Token);
    }

    /// <summary>Refuses new connections and cuts every open one.</summary>
    public async Task StopAsync()
    {
        if (_stop is not null)
        {
            await _stop.CancelAsync();
            _stop.Dispose();
            _stop = null;
        }
        _listener?.Stop();
        _listener = null;
        foreach (var client in _open.Keys)
        {
            Cut(client);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(targetHost, targetPort, ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException)
            {
                Cut(inbound);
                outbound.Dispose();
                continue;
            }
            _open[inbound] = true;
            _open[outbound] = true;
            _ = PumpAsync(inbound, outbound, ct);
            _ = PumpAsync(outbound, inbound, ct);
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken ct)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), ct);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // Cut on purpose, or the other side went away.
        }
        Cut(from);
        Cut(to);
    }

    /// <summary>Closes at once with a reset, as a database that went away would.</summary>
    private void Cut(TcpClient client)
    {
        _open.TryRemove(client, out _);
        try
        {
            // Null once the other pump has closed it.
            if (client.Client is { } socket)
            {
                socket.LingerState = new LingerOption(true, 0);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }
        client.Dispose();
    }
}
