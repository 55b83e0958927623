using System.Net;
using System.Net.Sockets;

namespace LicensingPortal.Api.Tests.Infrastructure;

/// <summary>
/// A TCP relay on a local port to a server (PostgreSQL), that a test can cut — every connection dropped and new
/// ones refused, as in a database restart — and restore on the same port.
/// </summary>
public sealed class TcpProxy(IPEndPoint target) : IAsyncDisposable
{
    private readonly List<TcpClient> connections = [];
    private readonly Lock gate = new();
    private TcpListener? listener;
    private CancellationTokenSource? running;

    public int Port { get; private set; }

    public void Start()
    {
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        running = new CancellationTokenSource();
        _ = AcceptAsync(listener, running.Token);
    }

    /// <summary>Drops every relayed connection and refuses new ones.</summary>
    public async Task CutAsync()
    {
        await (running?.CancelAsync() ?? Task.CompletedTask);
        listener?.Stop();
        lock (gate)
        {
            foreach (var connection in connections)
            {
                if (connection.Client is { Connected: true } socket)
                {
                    // A reset, as when the server process dies.
                    socket.LingerState = new LingerOption(true, 0);
                }

                connection.Dispose();
            }

            connections.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CutAsync();
        running?.Dispose();
    }

    private async Task AcceptAsync(TcpListener accepting, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await accepting.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(target, cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }

            lock (gate)
            {
                connections.Add(client);
                connections.Add(server);
            }

            _ = RelayAsync(client.GetStream(), server.GetStream(), client, server);
            _ = RelayAsync(server.GetStream(), client.GetStream(), server, client);
        }
    }

    private static async Task RelayAsync(NetworkStream from, NetworkStream to, TcpClient source, TcpClient destination)
    {
        try
        {
            await from.CopyToAsync(to);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
        }
        finally
        {
            source.Dispose();
            destination.Dispose();
        }
    }
}
