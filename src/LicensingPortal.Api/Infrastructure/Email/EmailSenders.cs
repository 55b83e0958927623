using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LicensingPortal.Api.Infrastructure.Email;

public interface IEmailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Sends through an SMTP server with MailKit, keeping connections open between messages: each delivery worker takes
/// a connected client from the pool (or opens one), sends, and gives it back, so a burst of notifications pays for one
/// connection (TLS handshake, authentication) per worker instead of one per message. A client that has been idle
/// for a while is checked with NOOP first; a client that fails is dropped with every other kept one (a server that
/// closed one has most likely closed them all) and the message is sent once more on a new connection, never on another
/// kept one; a second failure is the delivery's failure (its retry and dead-letter rules apply).
/// </summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender, IDisposable
{
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(30);
    private readonly System.Collections.Concurrent.ConcurrentBag<(SmtpClient Client, DateTimeOffset LastUsed)> idle = [];

    /// <summary>Connections opened so far (for tests and benchmarks).</summary>
    public int ConnectionsOpened => connectionsOpened;

    private int connectionsOpened;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var client = await TakeAsync(kept: attempt == 1, cancellationToken);
            try
            {
                await client.SendAsync(message, cancellationToken);
                if (options.Value.KeepConnections)
                {
                    idle.Add((client, DateTimeOffset.UtcNow));
                }
                else
                {
                    await client.DisconnectAsync(quit: true, cancellationToken);
                    client.Dispose();
                }

                return;
            }
            catch (Exception e) when (attempt == 1 && e is ServiceNotConnectedException or IOException or SmtpProtocolException or ProtocolException)
            {
                // The server closed the connection while it was idle, and most likely the other kept ones with it: they
                // are let go, and the message goes once more on a new connection.
                client.Dispose();
                while (idle.TryTake(out var stale))
                {
                    stale.Client.Dispose();
                }
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }
    }

    private async Task<SmtpClient> TakeAsync(bool kept, CancellationToken cancellationToken)
    {
        while (kept && idle.TryTake(out var pooled))
        {
            if (!pooled.Client.IsConnected)
            {
                pooled.Client.Dispose();
                continue;
            }

            if (DateTimeOffset.UtcNow - pooled.LastUsed < IdleCheck)
            {
                return pooled.Client;
            }

            try
            {
                await pooled.Client.NoOpAsync(cancellationToken);
                return pooled.Client;
            }
            catch (Exception e) when (e is ServiceNotConnectedException or IOException or SmtpProtocolException or SmtpCommandException or ProtocolException)
            {
                pooled.Client.Dispose();
            }
        }

        var settings = options.Value;
        var client = new SmtpClient();
        try
        {
            var security = Enum.TryParse<SecureSocketOptions>(settings.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;
            await client.ConnectAsync(settings.SmtpHost ?? "localhost", settings.SmtpPort, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Username))
            {
                await client.AuthenticateAsync(settings.Username, settings.Password ?? string.Empty, cancellationToken);
            }

            Interlocked.Increment(ref connectionsOpened);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        while (idle.TryTake(out var pooled))
        {
            try
            {
                if (pooled.Client.IsConnected)
                {
                    pooled.Client.Disconnect(quit: true);
                }
            }
            catch (Exception e) when (e is IOException or ProtocolException or ServiceNotConnectedException)
            {
                // Leaving anyway.
            }

            pooled.Client.Dispose();
        }
    }
}

/// <summary>
/// Without an SMTP server, writes each email as an .eml file named by its Message-ID, so a repeated delivery
/// of the same notification replaces the file instead of adding a second one.
/// </summary>
public sealed class PickupFolderEmailSender(string directory) : IEmailSender
{
    public string Directory { get; } = directory;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        System.IO.Directory.CreateDirectory(Directory);
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString()).Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '@'));
        var path = Path.Combine(Directory, name + ".eml");
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
