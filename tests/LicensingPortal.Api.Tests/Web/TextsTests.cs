using System.Globalization;
using System.Text.RegularExpressions;
using LicensingPortal.Api.Infrastructure.Web;
using LicensingPortal.Api.Tests.Infrastructure;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>Every text is in both languages, and every text the code asks for exists.</summary>
public sealed partial class TextsTests
{
    private static readonly IReadOnlyDictionary<string, string> Indonesian = Texts.All(Cultures.Indonesian.Parent);
    private static readonly IReadOnlyDictionary<string, string> English = Texts.All(CultureInfo.InvariantCulture);

    [Fact]
    public void BothLanguages_HaveTheSameTexts_NoneEmpty()
    {
        Assert.Empty(Indonesian.Keys.Except(English.Keys));
        Assert.Empty(English.Keys.Except(Indonesian.Keys));
        Assert.All(Indonesian.Concat(English), text => Assert.False(string.IsNullOrWhiteSpace(text.Value), text.Key));
    }

    [Fact]
    public void EveryTextTheCodeNames_Exists()
    {
        var source = Path.Combine(TestPaths.RepositoryRoot, "src", "LicensingPortal.Api");
        var named = Directory.EnumerateFiles(source, "*.cs*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Named().Matches(File.ReadAllText(f)).Select(m => (Key: m.Groups["key"].Value, File: Path.GetFileName(f))))
            .ToList();

        Assert.NotEmpty(named);
        Assert.Empty(named.Where(n => !Indonesian.ContainsKey(n.Key)).Select(n => $"{n.Key} ({n.File})").Distinct());
    }

    /// <summary>
    /// Texts named from a value at run time ("Audit.LogType.{type}", "Dashboard.Channel.{channel}",
    /// "DeadLetters.Type.{notice}", "Staff.Status.{state}") exist for every value there is.
    /// </summary>
    [Fact]
    public void EveryLogEntryType_DeliveryChannel_NoticeKindAndStaffState_HasAName()
    {
        string[] Values(Type type) => type.GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();
        var types = Values(typeof(Api.Domain.LogEntryTypes));
        var channels = Values(typeof(Api.Domain.NotificationChannels));
        var notices = Api.Domain.NoticeKind.All.Select(k => k.Type).ToArray();
        var states = Enum.GetNames<Api.Features.Accounts.StaffStatus>();
        Assert.True(types.Length >= 9 && channels.Length >= 2 && notices.Length >= 6 && states.Length >= 4);
        var missing = types.Select(t => $"Audit.LogType.{t}")
            .Concat(channels.Select(c => $"Dashboard.Channel.{c}"))
            .Concat(notices.Select(n => $"DeadLetters.Type.{n}"))
            .Concat(states.SelectMany(s => new[] { $"Staff.Status.{s}", $"Staff.StatusShort.{s}" }))
            .Except(Indonesian.Keys).ToList();
        Assert.True(missing.Count == 0, string.Join(", ", missing));
    }

    /// <summary>
    /// Every rule of every use case's validator says its failure in the service's voice: its own message from the
    /// resources, or FluentValidation's message for that kind of rule replaced by ours (ValidationLanguage) — never
    /// FluentValidation's own English with the property named as the code spells it.
    /// </summary>
    [Fact]
    public void EveryValidationRule_HasAMessageInTheServicesVoice()
    {
        var builtIn = new FluentValidation.Resources.LanguageManager();
        var validators = typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(FluentValidation.IValidator).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .ToList();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Cultures.English;
        try
        {
            var rules = validators
                .SelectMany(t => ((FluentValidation.IValidator)Activator.CreateInstance(t)!).CreateDescriptor().Rules.Select(r => (Validator: t, Rule: r)))
                .SelectMany(r => r.Rule.Components.Select(c => (r.Validator, r.Rule.PropertyName, Component: c)))
                .Where(r => r.Component.Validator.Name is not "ChildValidatorAdaptor" and not "PolymorphicValidator")
                .ToList();
            Assert.True(rules.Count > 100, $"only {rules.Count} rules found");
            var foreign = rules
                .Where(r => UnformattedMessage(r.Component) == builtIn.GetString(r.Component.Validator.Name, Cultures.English) && !Api.Infrastructure.UseCases.ValidationLanguage.Speaks(r.Component.Validator.Name))
                .Select(r => $"{r.Validator.FullName}: {r.PropertyName} ({r.Component.Validator.Name})")
                .ToList();
            Assert.True(foreign.Count == 0, string.Join('\n', foreign));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>
    /// A requirement's remedy names a question page by its title, in the words the pre-check reads ("Remedy.OnPage"):
    /// beside that page it says "on this page" instead, which only works if every page named is a question's, so named.
    /// </summary>
    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public void EveryPageARemedyNames_IsAQuestionPage_NamedAsThePrecheckReadsIt(string language)
    {
        var texts = language == "en" ? English : Indonesian;
        var onPage = Regex.Escape(texts["Remedy.OnPage"]).Replace(@"\{0}", "(?<page>[^”]+)", StringComparison.Ordinal);
        var quoted = language == "en" ? @"the “(?<page>[^”]+)” page" : @"[Hh]alaman “(?<page>[^”]+)”";
        var steps = Api.Features.Applications.ApplicationSteps.All.Select(step => texts[$"Journey.Step.{step}"]).ToHashSet(StringComparer.Ordinal);
        var remedies = texts.Where(t => t.Key.StartsWith("Requirement.", StringComparison.Ordinal) && t.Key.Contains(".Fix", StringComparison.Ordinal)).ToList();

        Assert.True(remedies.Count > 10, $"only {remedies.Count} remedies found");
        var named = remedies.SelectMany(r => Regex.Matches(r.Value, quoted).Select(m => (r.Key, Page: m.Groups["page"].Value))).ToList();
        Assert.NotEmpty(named);
        Assert.Empty(named.Where(n => !steps.Contains(n.Page)).Select(n => $"{n.Key}: {n.Page}"));
        Assert.Equal(named.Count, remedies.Sum(r => Regex.Count(r.Value, onPage, RegexOptions.IgnoreCase)));
    }

    /// <summary>A rule's message before its placeholders are filled; null for a message made from the validated object (its own).</summary>
    private static string? UnformattedMessage(FluentValidation.Internal.IRuleComponent component)
    {
        try
        {
            return component.GetUnformattedErrorMessage();
        }
        catch (NullReferenceException)
        {
            return null;
        }
    }

    /// <summary>T["Key"], T["Key", …], Texts.Get("Key") and Texts.Format("Key", …) with a literal key.</summary>
    [GeneratedRegex(@"(?:\bT\[""|Texts\.(?:Get|Format)\("")(?<key>[A-Za-z][A-Za-z0-9_.]*)""")]
    private static partial Regex Named();
}
