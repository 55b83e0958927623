using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace LicensingPortal.Api.Tests.Infrastructure;

/// <summary>
/// A real SMTP server in the test process (SmtpServer, MIT) on a free port, serving many connections at once as a
/// mail server does, and keeping every message it accepts. Its connections send without delay (TCP_NODELAY), as a
/// mail server's do: with Nagle's algorithm on, each pipelined reply (MAIL, RCPT, DATA) waited for the client's
/// delayed acknowledgement of the one before, about 44 ms per message on loopback.
/// </summary>
public sealed class TestSmtpServer : IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<ReceivedMail> received = new();
    private readonly NoDelayListeners listeners = new();

    public TestSmtpServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(endpoint => endpoint.Port(Port).AllowUnsecureAuthentication()).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(received));
        services.Add((IEndpointListenerFactory)listeners);
        var server = new SmtpServer.SmtpServer(options, services);
        _ = server.StartAsync(stopping.Token);
    }

    public int Port { get; }

    public IReadOnlyList<ReceivedMail> ReceivedEmail => [.. received];

    /// <summary>Closes every open connection, as a mail server does with connections idle too long.</summary>
    public void DropConnections() => listeners.DropAll();

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class NoDelayListeners : IEndpointListenerFactory
    {
        private readonly ConcurrentDictionary<TcpClient, byte> open = new();

        public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            ArgumentNullException.ThrowIfNull(endpointDefinition);
            var listener = new TcpListener(endpointDefinition.Endpoint);
            listener.Start();
            return new Listener(listener, open);
        }

        public void DropAll()
        {
            foreach (var client in open.Keys)
            {
                try
                {
                    if (open.TryRemove(client, out _))
                    {
                        client.Client.Shutdown(SocketShutdown.Both);
                    }
                }
                catch (Exception e) when (e is ObjectDisposedException or SocketException)
                {
                    // The session ended on its own meanwhile.
                }
            }
        }

        private sealed class Listener(TcpListener listener, ConcurrentDictionary<TcpClient, byte> open) : IEndpointListener
        {
            public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken);
                client.NoDelay = true;
                open[client] = 0;
                context.Properties[EndpointListener.LocalEndPointKey] = client.Client.LocalEndPoint!;
                context.Properties[EndpointListener.RemoteEndPointKey] = client.Client.RemoteEndPoint!;
                return new Pipe(client, open);
            }

            public void Dispose() => listener.Stop();
        }

        private sealed class Pipe(TcpClient client, ConcurrentDictionary<TcpClient, byte> open) : ISecurableDuplexPipe
        {
            private Stream stream = client.GetStream();

            public PipeReader Input { get; private set; } = PipeReader.Create(client.GetStream());

            public PipeWriter Output { get; private set; } = PipeWriter.Create(client.GetStream());

            public bool IsSecure => stream is SslStream;

            public SslProtocols SslProtocol => (stream as SslStream)?.SslProtocol ?? SslProtocols.None;

            public async Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default)
            {
                var secure = new SslStream(stream, leaveInnerStreamOpen: true);
                await secure.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate, EnabledSslProtocols = protocols }, cancellationToken);
                stream = secure;
                Input = PipeReader.Create(secure);
                Output = PipeWriter.Create(secure);
            }

            public void Dispose()
            {
                open.TryRemove(client, out _);
                stream.Dispose();
                client.Dispose();
            }
        }
    }

    private sealed class Store(ConcurrentQueue<ReceivedMail> received) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var bytes = buffer.ToArray();
            using var stream = new MemoryStream(bytes);
            var message = MimeMessage.Load(stream, cancellationToken);
            received.Enqueue(new ReceivedMail(
                transaction.To.Select(to => new MailboxAddress(null, $"{to.User}@{to.Host}")).ToList(),
                System.Text.Encoding.UTF8.GetString(bytes),
                message.Headers.GroupBy(h => h.Field, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase)));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}

/// <summary>A message as the server received it: its recipients, its raw text and its headers.</summary>
public sealed record ReceivedMail(IReadOnlyList<MailboxAddress> ToAddresses, string Data, IReadOnlyDictionary<string, string> Headers);
