using System.Text.RegularExpressions;

namespace LicensingPortal.Api.Tests.Infrastructure;

/// <summary>The e-mails a host wrote to its pickup folder (the embedded default's outgoing mail).</summary>
public static partial class Mailbox
{
    public static string PickupOf(string dataDirectory) => Path.Combine(dataDirectory, "mail-pickup");

    /// <summary>Waits for an e-mail to the address whose text carries a link containing <paramref name="path"/>, and returns the link.</summary>
    public static async Task<string> LinkAsync(string dataDirectory, string email, string path)
    {
        string? link = null;
        await Eventually.TrueAsync(
            async () =>
            {
                foreach (var message in await MessagesToAsync(dataDirectory, email))
                {
                    if (Link().Matches(message.TextBody ?? string.Empty).FirstOrDefault(m => m.Value.Contains(path, StringComparison.Ordinal)) is { } match)
                    {
                        link = match.Value;
                        return true;
                    }
                }

                return false;
            },
            $"the e-mail with {path} arrives");
        return link!;
    }

    /// <summary>Every e-mail to the address in the host's pickup folder so far.</summary>
    public static async Task<IReadOnlyList<MimeKit.MimeMessage>> MessagesToAsync(string dataDirectory, string email)
    {
        var folder = PickupOf(dataDirectory);
        var found = new List<MimeKit.MimeMessage>();
        if (!Directory.Exists(folder))
        {
            return found;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.eml"))
        {
            var message = await MimeKit.MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => m.Address == email))
            {
                found.Add(message);
            }
        }

        return found;
    }

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex Link();
}
