using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace LicensingPortal.Api.Tests.Infrastructure;

/// <summary>
/// A real SMTP server in the test process (SmtpServer, MIT) on a free port, serving many connections at once as a
/// mail server does, and keeping every message it accepts.
/// </summary>
public sealed class TestSmtpServer : IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<ReceivedMail> received = new();

    public TestSmtpServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(endpoint => endpoint.Port(Port).AllowUnsecureAuthentication()).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(received));
        var server = new SmtpServer.SmtpServer(options, services);
        _ = server.StartAsync(stopping.Token);
    }

    public int Port { get; }

    public IReadOnlyList<ReceivedMail> ReceivedEmail => [.. received];

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
