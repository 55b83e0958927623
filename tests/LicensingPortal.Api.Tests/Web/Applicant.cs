using System.Text.RegularExpressions;
using LicensingPortal.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LicensingPortal.Api.Tests.Web;

/// <summary>
/// What an applicant does in the browser, step by step, finding every field and button by the text a reader sees in
/// the page's language (the service's own resource files). Each method asserts it arrived where a person would.
/// </summary>
public sealed partial class Applicant(BrowserPortal portal, IPage page, string language = "id")
{
    public IPage Page { get; } = page;

    /// <summary>When set, every page the applicant arrives at is checked with axe (no serious or critical violation).</summary>
    public bool Audit { get; init; }

    /// <summary>The addresses audited so far.</summary>
    public List<string> Audited { get; } = [];

    public string Email { get; private set; } = string.Empty;

    private string S(string key, params object[] arguments) => Say.In(language, key, arguments);

    private ILocator Field(string key) => Page.GetByLabel(S(key), new() { Exact = true });

    private Task ClickButtonAsync(string key) => Page.GetByRole(AriaRole.Button, new() { Name = S(key), Exact = true }).ClickAsync();

    private Task ClickLinkAsync(string key) => Page.GetByRole(AriaRole.Link, new() { Name = S(key) }).First.ClickAsync();

    public async Task ExpectHeadingAsync(string text)
    {
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(text);
        // The page's script has drawn it (site.js marks the body once GOV.UK's components are set up): before that, a
        // phone's header menu is still open, and folding it moves everything under it, so a click aimed at a field
        // could land on what was under it a moment before (seen once on a busy machine: a checkbox "not checked").
        if (BrowserPortal.RunsScripts(Page))
        {
            await Assertions.Expect(Page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bjs-enabled\b"));
        }

        if (Audit)
        {
            await Axe.AssertNoSeriousViolationsAsync(Page);
            Audited.Add(new Uri(Page.Url).AbsolutePath);
        }
    }

    /// <summary>Registers from the start page, confirms from the e-mail in the pickup folder, and signs in.</summary>
    public async Task RegisterConfirmAndSignInAsync()
    {
        Email = $"pemohon-{Accounts.Unique()}@example.com";
        await Page.GotoAsync("/");
        await ClickLinkAsync("Start.Register");
        await ExpectHeadingAsync(S("Register.Title"));
        await Field("Field.Email").FillAsync(Email);
        await Field("Register.PasswordLabel").FillAsync(Accounts.Password);
        await ClickButtonAsync("Register.Button");
        await ExpectHeadingAsync(S("CheckEmail.Title"));
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(S("CheckEmail.Sent", Email));
        // A mistyped address is not a dead end: the account is made again with the right one.
        await Assertions.Expect(Page.Locator("#wrong-address").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "/akun/daftar");

        var link = await ConfirmationLinkAsync(Email);
        Assert.StartsWith(portal.BaseAddress.ToString().TrimEnd('/') + "/akun/konfirmasi?", link, StringComparison.Ordinal);
        await Page.GotoAsync(link);
        await ExpectHeadingAsync(S("Confirm.Done"));
        await ClickLinkAsync("SignIn.Title");
        await SignInAsync(Email);
    }

    /// <summary>On the sign-in page: signs in and lands where the service sends an applicant.</summary>
    public async Task SignInAsync(string email)
    {
        Email = email;
        await ExpectHeadingAsync(S("SignIn.Title"));
        await Field("Field.Email").FillAsync(email);
        await Field("Field.Password").FillAsync(Accounts.Password);
        await ClickButtonAsync("SignIn.Button");
    }

    /// <summary>
    /// Signs in with an account made by the test (already confirmed); with <paramref name="prepared"/>, the account
    /// already has the sole proprietorship and its KTP (through the API), for tests about what comes after.
    /// </summary>
    public async Task<Account> SignInFreshAccountAsync(bool prepared = false)
    {
        var account = await Accounts.CreateAsync(portal.Factory, Api.Infrastructure.Auth.Roles.Applicant);
        if (prepared)
        {
            await account.Client.PrepareRestaurantAsync();
        }

        await Page.GotoAsync("/akun/masuk");
        await SignInAsync(account.Email);
        await ExpectHeadingAsync(S("Dashboard.Title"));
        return account;
    }

    /// <summary>Every page of a new application that would be approved, from the dashboard to "check your answers".</summary>
    public async Task AnswerEverythingAsync(bool attachKtp = true, bool declareTruth = true, string environment = "Environment.SPPL")
    {
        await AnswerThroughInvestmentAsync();
        await AnswerEnvironmentAsync(environment);
        await AnswerDocumentsAsync(attachKtp);
        await AnswerDeclarationsAsync(declareTruth);
    }

    /// <summary>Starts an application for the restaurant and answers its pages up to the planned investment, landing on the environment page.</summary>
    public async Task AnswerThroughInvestmentAsync()
    {
        await StartApplicationAsync();
        await ChooseActivityAsync(language == "en" ? "restaurant" : "restoran", "56101");
        await AnswerLocationAsync();
        await AnswerNewBusinessAsync();
        await AnswerSizeAsync();
        await AnswerInvestmentAsync(language == "en" ? "120,000,000" : "120.000.000", language == "en" ? "60,000,000" : "60.000.000");
    }

    /// <summary>Registers a sole proprietorship one question page at a time, checks the answers and registers it.</summary>
    public async Task RegisterSoleProprietorAsync(string name = "Warung Se'i Oma Maria")
    {
        await Page.GotoAsync("/pemohon/usaha/baru");
        await ExpectHeadingAsync(S("Business.New.LegalFormTitle"));
        await Page.GetByLabel(S("LegalForm.Perorangan"), new() { Exact = true }).CheckAsync();
        await ContinueAsync();
        await ExpectHeadingAsync(S("Business.New.OwnerTitle"));
        await Field("Field.OwnerName").FillAsync("Maria Ndolu");
        await Field("Field.Nik").FillAsync("5371044107850003");
        await ContinueAsync();
        await ExpectHeadingAsync(S("Business.New.NameTitle"));
        await Field("Field.BusinessName").FillAsync(name);
        await ContinueAsync();
        await ExpectHeadingAsync(S("Business.New.ContactTitle"));
        await Field("Field.BusinessAddress").FillAsync("Jl. Frans Seda No. 12, Fatululi, Oebobo, Kota Kupang");
        await Field("Field.BusinessEmail").FillAsync("maria.ndolu@example.com");
        await Field("Field.Phone").FillAsync("+62 812 3456 7890");
        await ContinueAsync();
        await ExpectHeadingAsync(S("Business.New.CheckTitle"));
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(name);
        await ClickButtonAsync("Business.New.Button");
        await ExpectHeadingAsync(name);
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(S("Business.New.Registered"));
    }

    /// <summary>Uploads a real PDF as the owner's KTP on the documents page (a unique file name unless one is given).</summary>
    public async Task UploadKtpAsync(string? fileName = null)
    {
        var folder = Directory.CreateDirectory(Path.Combine(portal.DataDirectory, "uploads", Guid.NewGuid().ToString("N"))).FullName;
        var file = Path.Combine(folder, fileName ?? $"ktp-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, Builders.Pdf);
        await Page.GotoAsync("/pemohon/dokumen");
        await Field("Field.DocumentKind").SelectOptionAsync(new SelectOptionValue { Label = S("DocumentKind.ktp") });
        await Page.GetByLabel(S("Field.File"), new() { Exact = true }).ChooseFilesAsync(file);
        await ClickButtonAsync("Documents.Upload.Button");
        // The file's own link (its delete link names it too, after the word for deleting).
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(Path.GetFileName(file))) })).ToBeVisibleAsync();
    }

    /// <summary>Starts a new application from the dashboard and answers the first page (business, permit type).</summary>
    public async Task StartApplicationAsync(string businessName = "Warung Se'i Oma Maria")
    {
        await Page.GotoAsync("/pemohon");
        await Page.GetByRole(AriaRole.Button, new() { Name = S("Applications.Start") }).First.ClickAsync();
        await ExpectHeadingAsync(S("Journey.Business.Title"));
        await Page.GetByLabel(businessName).CheckAsync();
        await Page.GetByLabel(S("PermitType.PB"), new() { Exact = true }).CheckAsync();
        await ContinueAsync();
    }

    public Task ContinueAsync() => ClickButtonAsync("Journey.Continue");

    /// <summary>The activity finder: searches by words, chooses the activity with that code, continues.</summary>
    public async Task ChooseActivityAsync(string words, string code)
    {
        await ExpectHeadingAsync(S("Journey.Activities.Title"));
        await Page.GetByLabel(S("Journey.Activities.Search"), new() { Exact = true }).FillAsync(words);
        await ClickButtonAsync("Journey.Activities.SearchButton");
        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"{Regex.Escape(S("Journey.Activities.Choose"))}\\s+{code}\\b") }).ClickAsync();
        await Assertions.Expect(Page.Locator("#Kbli")).ToContainTextAsync(code);
        await ContinueAsync();
    }

    public async Task AnswerLocationAsync(string kelurahan = "Fatululi", string address = "Jl. Frans Seda No. 12, RT 005/RW 002")
    {
        await ExpectHeadingAsync(S("Journey.Location.Title"));
        await Field("Field.Kelurahan").SelectOptionAsync(new SelectOptionValue { Label = kelurahan });
        await Field("Field.Address").FillAsync(address);
        await ContinueAsync();
    }

    public async Task AnswerNewBusinessAsync()
    {
        await ExpectHeadingAsync(S("Journey.Operation.Title"));
        await Page.GetByLabel(S("Journey.Operation.New"), new() { Exact = true }).CheckAsync();
        await ContinueAsync();
    }

    public async Task AnswerSizeAsync(string land = "150", string building = "90", string employees = "5")
    {
        await ExpectHeadingAsync(S("Journey.Size.Title"));
        await Field("Field.LandArea").FillAsync(land);
        await Field("Field.BuildingArea").FillAsync(building);
        await Field("Field.Employees").FillAsync(employees);
        await ContinueAsync();
    }

    public async Task AnswerInvestmentAsync(string machinery = "120.000.000", string workingCapital = "60.000.000")
    {
        await ExpectHeadingAsync(S("Journey.Investment.Title"));
        await Field("Field.Machinery").FillAsync(machinery);
        await Field("Field.WorkingCapital").FillAsync(workingCapital);
        await Field("Field.InvestmentLand").FillAsync("0");
        await Field("Field.InvestmentBuildings").FillAsync("0");
        await ContinueAsync();
    }

    /// <summary>The environment page: an environmental document (its choice's label key, e.g. Environment.SPPL) and the PBG number.</summary>
    public async Task AnswerEnvironmentAsync(string documentKey, string pbg = "PBG-537104-2025-00187")
    {
        await ExpectHeadingAsync(S("Journey.Environment.Title"));
        await Page.GetByLabel(S(documentKey), new() { Exact = true }).CheckAsync();
        await Field("Field.BuildingApprovalNumber").FillAsync(pbg);
        await ContinueAsync();
    }

    public async Task AnswerDocumentsAsync(bool attachKtp)
    {
        await ExpectHeadingAsync(S("Journey.Documents.Title"));
        var ktp = Page.GetByLabel(S("DocumentKind.ktp"), new() { Exact = true });
        if (attachKtp)
        {
            await ktp.CheckAsync();
        }
        else
        {
            await ktp.UncheckAsync();
        }

        await ContinueAsync();
    }

    public async Task AnswerDeclarationsAsync(bool declareTruth)
    {
        await ExpectHeadingAsync(S("Journey.Declarations.Title"));
        var truth = Page.GetByLabel(S("Declaration.kebenaran-data"), new() { Exact = true });
        if (declareTruth)
        {
            await truth.CheckAsync();
        }
        else
        {
            await truth.UncheckAsync();
        }

        await ContinueAsync();
        await ExpectHeadingAsync(S("Journey.Check.Title"));
    }

    /// <summary>The titles of the requirements "check your answers" says would fail.</summary>
    public async Task<IReadOnlyList<string>> PrecheckFailuresAsync() =>
        await Page.Locator("#precheck-result .kupang-failure-title").AllInnerTextsAsync();

    /// <summary>Sends from "check your answers": with the main button, or, when the check says it would be refused, with "send anyway".</summary>
    public async Task SendAsync()
    {
        if ((await PrecheckFailuresAsync()).Count > 0)
        {
            // Folded away under "I am sure this check is wrong".
            await Page.Locator("#send-anyway summary").ClickAsync();
            await ClickButtonAsync("Journey.Check.SendAnyway");
        }
        else
        {
            await ClickButtonAsync("Journey.Check.Send");
        }
    }

    /// <summary>Waits for the confirmation e-mail in the pickup folder and returns its link.</summary>
    private async Task<string> ConfirmationLinkAsync(string email)
    {
        string? link = null;
        await Eventually.TrueAsync(
            async () =>
            {
                if (!Directory.Exists(portal.MailPickup))
                {
                    return false;
                }

                foreach (var file in Directory.EnumerateFiles(portal.MailPickup, "*.eml"))
                {
                    var message = await MimeKit.MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == email))
                    {
                        link = ConfirmationLink().Match(message.TextBody ?? string.Empty).Value;
                        return link.Length > 0;
                    }
                }

                return false;
            },
            "the confirmation e-mail is written to the pickup folder");
        return link!;
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/akun/konfirmasi\?[^\s""<>]+")]
    private static partial Regex ConfirmationLink();
}
