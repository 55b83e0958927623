using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LicensingPortal.Api.Infrastructure.Web;

/// <summary>One choice of a set of radios, checkboxes or a select; <see cref="Group"/> groups options of a select.</summary>
public sealed record Choice(string Value, string Label, string? Hint = null, string? Group = null);

/// <summary>
/// What the GOV.UK form components share: the field's name and id from its model expression, its error messages
/// from ModelState (the use case's validation failures, put there by the page), the value as the user typed it
/// (kept when the form is shown again) and the ids that aria-describedby ties to the control.
/// </summary>
public abstract class GovukFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public string? Hint { get; set; }

    /// <summary>The label (or legend) is the page's heading: one question per page.</summary>
    public bool IsPageHeading { get; set; }

    protected string Name => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    protected string Id => TagBuilder.CreateSanitizedId(Name, "-");

    protected IReadOnlyList<string> Errors =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];

    /// <summary>What the user typed when the form comes back with errors, else the model's value.</summary>
    protected string? Value =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : For.Model is DateOnly date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Convert.ToString(For.Model, CultureInfo.CurrentCulture);

    protected string DescribedBy(bool hasHint) =>
        string.Join(' ', new[] { hasHint ? $"{Id}-hint" : null, Errors.Count > 0 ? $"{Id}-error" : null }.OfType<string>());

    protected static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    protected string HintHtml() => Hint is null ? string.Empty : $"<div id=\"{Id}-hint\" class=\"govuk-hint\">{Encode(Hint)}</div>";

    protected string ErrorHtml() => Errors.Count == 0
        ? string.Empty
        : $"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">{Encode(Texts.Get("Error.Prefix"))}</span> {string.Join("<br>", Errors.Select(Encode))}</p>";

    protected void FormGroup(TagHelperOutput output, string inner)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Errors.Count > 0 ? "govuk-form-group govuk-form-group--error" : "govuk-form-group");
        output.Content.SetHtmlContent(inner);
    }
}

/// <summary>A text input with its label, hint and error message (GOV.UK "text input").</summary>
[HtmlTargetElement("gv-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : GovukFieldTagHelper
{
    public string Label { get; set; } = string.Empty;

    public string Type { get; set; } = "text";

    public string? Inputmode { get; set; }

    public string? Autocomplete { get; set; }

    /// <summary>A width class: 2, 3, 4, 5, 10, 20, 30 characters, or "full".</summary>
    public string? Width { get; set; }

    public string? Prefix { get; set; }

    public string? Suffix { get; set; }

    public bool Spellcheck { get; set; } = true;

    /// <summary>The password input's words, by the data attribute GOV.UK's script reads them from.</summary>
    private static readonly (string Attribute, string Key)[] PasswordTexts =
    [
        ("show-password", "Password.Show"),
        ("hide-password", "Password.Hide"),
        ("show-password-aria-label", "Password.ShowLabel"),
        ("hide-password-aria-label", "Password.HideLabel"),
        ("password-shown-announcement", "Password.Shown"),
        ("password-hidden-announcement", "Password.Hidden"),
    ];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var label = IsPageHeading
            ? $"<h1 class=\"govuk-label-wrapper\"><label class=\"govuk-label govuk-label--l\" for=\"{Id}\">{Encode(Label)}</label></h1>"
            : $"<label class=\"govuk-label\" for=\"{Id}\">{Encode(Label)}</label>";
        var password = string.Equals(Type, "password", StringComparison.OrdinalIgnoreCase);
        var classes = "govuk-input"
            + (password ? " govuk-password-input__input govuk-js-password-input-input" : string.Empty)
            + (Width is null ? string.Empty : Width == "full" ? " govuk-!-width-full" : $" govuk-input--width-{Width}")
            + (Errors.Count > 0 ? " govuk-input--error" : string.Empty);
        var describedBy = DescribedBy(Hint is not null);
        // A password is never sent back in a page, not even to the one who typed it (a page can be cached or shown).
        var value = password ? string.Empty : Value;
        var input = $"<input class=\"{classes}\" id=\"{Id}\" name=\"{Encode(Name)}\" type=\"{Encode(Type)}\" value=\"{Encode(value)}\""
            + (describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : string.Empty)
            + (Inputmode is null ? string.Empty : $" inputmode=\"{Encode(Inputmode)}\"")
            + (Autocomplete is null ? string.Empty : $" autocomplete=\"{Encode(Autocomplete)}\"")
            + (Spellcheck && !password ? string.Empty : " spellcheck=\"false\"")
            + (password ? " autocapitalize=\"none\"" : string.Empty)
            + ">";
        if (password)
        {
            // GOV.UK's password input: a "Show" button (drawn by its script, hidden without it) so that a password typed
            // once on a phone's small keyboard can be read before it is sent.
            var toggle = $"<button type=\"button\" class=\"govuk-button govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle\" data-module=\"govuk-button\" aria-controls=\"{Id}\" aria-label=\"{Encode(Texts.Get("Password.ShowLabel"))}\" hidden>{Encode(Texts.Get("Password.Show"))}</button>";
            FormGroup(output, label + HintHtml() + ErrorHtml() + $"<div class=\"govuk-input__wrapper govuk-password-input__wrapper\">{input}{toggle}</div>");
            output.Attributes.SetAttribute("class", $"{output.Attributes["class"].Value} govuk-password-input");
            output.Attributes.SetAttribute("data-module", "govuk-password-input");
            foreach (var (attribute, key) in PasswordTexts)
            {
                output.Attributes.SetAttribute($"data-i18n.{attribute}", Texts.Get(key));
            }

            return;
        }

        if (Prefix is not null || Suffix is not null)
        {
            input = "<div class=\"govuk-input__wrapper\">"
                + (Prefix is null ? string.Empty : $"<div class=\"govuk-input__prefix\" aria-hidden=\"true\">{Encode(Prefix)}</div>")
                + input
                + (Suffix is null ? string.Empty : $"<div class=\"govuk-input__suffix\" aria-hidden=\"true\">{Encode(Suffix)}</div>")
                + "</div>";
        }

        FormGroup(output, label + HintHtml() + ErrorHtml() + input);
    }
}

/// <summary>
/// A date as day, month and year boxes in a fieldset (GOV.UK "date input"), bound to a <see cref="DateParts"/>: the
/// order people write a date in Indonesia, whatever the browser's locale.
/// </summary>
[HtmlTargetElement("gv-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateInputTagHelper : GovukFieldTagHelper
{
    public string Legend { get; set; } = string.Empty;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var parts = For.Model as DateParts ?? new DateParts();
        string Part(string part, string? model, string label, int width)
        {
            var name = $"{Name}.{part}";
            var value = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue is not null ? entry.AttemptedValue : model;
            return $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">"
                + $"<label class=\"govuk-label govuk-date-input__label\" for=\"{Id}-{part.ToLowerInvariant()}\">{Encode(label)}</label>"
                + $"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{(Errors.Count > 0 ? " govuk-input--error" : string.Empty)}\" id=\"{Id}-{part.ToLowerInvariant()}\" name=\"{Encode(name)}\" type=\"text\" inputmode=\"numeric\" value=\"{Encode(value)}\">"
                + "</div></div>";
        }

        var describedBy = DescribedBy(Hint is not null);
        var inner = $"<fieldset class=\"govuk-fieldset\" role=\"group\"{(describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : string.Empty)}>"
            + $"<legend class=\"govuk-fieldset__legend\">{Encode(Legend)}</legend>"
            + HintHtml() + ErrorHtml()
            + $"<div class=\"govuk-date-input\" id=\"{Id}\">"
            + Part(nameof(DateParts.Day), parts.Day, Texts.Get("Form.Day"), 2)
            + Part(nameof(DateParts.Month), parts.Month, Texts.Get("Form.Month"), 2)
            + Part(nameof(DateParts.Year), parts.Year, Texts.Get("Form.Year"), 4)
            + "</div></fieldset>";
        FormGroup(output, inner);
    }
}

/// <summary>A multi-line text input (GOV.UK "textarea").</summary>
[HtmlTargetElement("gv-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper : GovukFieldTagHelper
{
    public string Label { get; set; } = string.Empty;

    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var label = IsPageHeading
            ? $"<h1 class=\"govuk-label-wrapper\"><label class=\"govuk-label govuk-label--l\" for=\"{Id}\">{Encode(Label)}</label></h1>"
            : $"<label class=\"govuk-label\" for=\"{Id}\">{Encode(Label)}</label>";
        var describedBy = DescribedBy(Hint is not null);
        var textarea = $"<textarea class=\"govuk-textarea{(Errors.Count > 0 ? " govuk-textarea--error" : string.Empty)}\" id=\"{Id}\" name=\"{Encode(Name)}\" rows=\"{Rows}\""
            + (describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : string.Empty)
            + $">{Encode(Value)}</textarea>";
        FormGroup(output, label + HintHtml() + ErrorHtml() + textarea);
    }
}

/// <summary>
/// A file input with its label, hint and error message (GOV.UK "file upload"): PDF, JPEG or PNG, as every upload is
/// checked; with <see cref="Multiple"/> several at once. A browser never sends a file twice, so it shows no value.
/// </summary>
[HtmlTargetElement("gv-file", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukFileUploadTagHelper : GovukFieldTagHelper
{
    public string Label { get; set; } = string.Empty;

    public bool Multiple { get; set; }

    /// <summary>
    /// With it, a phone checks the files chosen before sending them (sending.js): at most this many, each within the
    /// upload limit, else <see cref="TooMany"/> or <see cref="TooLarge"/> (with "{0}": the files' names) at the field, and
    /// nothing sent. The server checks the same; this spares a slow network minutes of sending for nothing.
    /// </summary>
    public int? MaxFiles { get; set; }

    public string? TooMany { get; set; }

    public string? TooLarge { get; set; }

    /// <summary>What the phone offers to choose; by default every type the service accepts (<see cref="Storage.UploadedFiles.Accept"/>).</summary>
    public string Accept { get; set; } = Storage.UploadedFiles.Accept;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var describedBy = DescribedBy(Hint is not null);
        var input = $"<input class=\"govuk-file-upload{(Errors.Count > 0 ? " govuk-file-upload--error" : string.Empty)}\" id=\"{Id}\" name=\"{Encode(Name)}\" type=\"file\""
            + (Multiple ? " multiple" : string.Empty)
            + $" accept=\"{Encode(Accept)}\""
            + (MaxFiles is { } most ? $" data-max-files=\"{most}\" data-max-bytes=\"{Storage.UploadedFiles.MaxBytes}\" data-too-many=\"{Encode(TooMany)}\" data-too-large=\"{Encode(TooLarge)}\"" : string.Empty)
            // What the pages' script says at the field when a form sent in place cannot keep its files, or may not have arrived (inplace.js).
            + $" data-error-prefix=\"{Encode(Texts.Get("Error.Prefix"))}\" data-choose-again=\"{Encode(Texts.Get("File.ChooseAgain"))}\" data-not-sent=\"{Encode(Texts.Get("File.NotSent"))}\""
            + (describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : string.Empty) + ">";
        // GOV.UK's file upload component (with JavaScript) draws the input as a button of the page's language, whatever
        // the phone's: its texts come from here. Without JavaScript the browser's own input is shown.
        string I18n(string name, string key) => $" data-i18n.{name}=\"{Encode(Texts.Format(key, "%{count}"))}\"";
        var wrapper = "<div class=\"govuk-file-upload-wrapper\" data-module=\"govuk-file-upload\""
            + I18n("choose-files-button", Multiple ? "File.Choose.Many" : "File.Choose") + I18n("no-file-chosen", "File.None")
            + I18n("multiple-files-chosen.one", "File.Chosen.One") + I18n("multiple-files-chosen.other", "File.Chosen.Other")
            + I18n("drop-instruction", Multiple ? "File.Drop.Many" : "File.Drop")
            + I18n("entered-drop-zone", "File.DropZone.Entered") + I18n("left-drop-zone", "File.DropZone.Left") + ">";
        FormGroup(output, $"<label class=\"govuk-label\" for=\"{Id}\">{Encode(Label)}</label>" + HintHtml() + ErrorHtml() + wrapper + input + "</div>");
    }
}

/// <summary>Radios or checkboxes in a fieldset whose legend asks the question (GOV.UK "radios", "checkboxes").</summary>
public abstract class GovukChoicesTagHelper : GovukFieldTagHelper
{
    public string Legend { get; set; } = string.Empty;

    public IEnumerable<Choice> Items { get; set; } = [];

    /// <summary>Side by side, for two short answers such as yes and no.</summary>
    public bool Inline { get; set; }

    protected abstract string Kind { get; }

    protected abstract bool IsChecked(string value);

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var legend = IsPageHeading
            ? $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\"><h1 class=\"govuk-fieldset__heading\">{Encode(Legend)}</h1></legend>"
            : $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\">{Encode(Legend)}</legend>";
        var all = Items.Select((choice, index) => (Choice: choice, Index: index)).ToList();
        string Item((Choice Choice, int Index) item)
        {
            var (choice, index) = item;
            var itemId = index == 0 ? Id : $"{Id}-{index + 1}";
            var itemHint = choice.Hint is null ? string.Empty : $"<div id=\"{itemId}-item-hint\" class=\"govuk-hint govuk-{Kind}__hint\">{Encode(choice.Hint)}</div>";
            return $"<div class=\"govuk-{Kind}__item\"><input class=\"govuk-{Kind}__input\" id=\"{itemId}\" name=\"{Encode(Name)}\" type=\"{(Kind == "radios" ? "radio" : "checkbox")}\" value=\"{Encode(choice.Value)}\""
                + (IsChecked(choice.Value) ? " checked" : string.Empty)
                + (choice.Hint is null ? string.Empty : $" aria-describedby=\"{itemId}-item-hint\"")
                + $"><label class=\"govuk-label govuk-{Kind}__label\" for=\"{itemId}\">{Encode(choice.Label)}</label>{itemHint}</div>";
        }

        // Choices in a group are folded under its name, after the others (choices this person need not make, as
        // declarations their business does not call for); open when one of them is chosen, or the field has an error
        // (the error summary's link leads into it), so nothing chosen or asked for is hidden.
        var folded = all.Where(c => c.Choice.Group is not null).GroupBy(c => c.Choice.Group!).Select(group =>
            $"<details class=\"govuk-details govuk-!-margin-top-4 govuk-!-margin-bottom-0\"{(Errors.Count > 0 || group.Any(c => IsChecked(c.Choice.Value)) ? " open" : string.Empty)}><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">{Encode(group.Key)}</span></summary>"
            + $"<div class=\"govuk-details__text\">{string.Concat(group.Select(Item))}</div></details>");
        var items = all.Where(c => c.Choice.Group is null).Select(Item).Concat(folded);
        var describedBy = DescribedBy(Hint is not null);
        var fieldset = "<fieldset class=\"govuk-fieldset\"" + (describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : string.Empty) + ">"
            + legend + HintHtml() + ErrorHtml()
            + $"<div class=\"govuk-{Kind}{(Inline ? $" govuk-{Kind}--inline" : string.Empty)}\" data-module=\"govuk-{Kind}\">{string.Concat(items)}</div></fieldset>";
        FormGroup(output, fieldset);
    }
}

[HtmlTargetElement("gv-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukRadiosTagHelper : GovukChoicesTagHelper
{
    protected override string Kind => "radios";

    protected override bool IsChecked(string value) => string.Equals(Value, value, StringComparison.Ordinal);
}

[HtmlTargetElement("gv-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxesTagHelper : GovukChoicesTagHelper
{
    protected override string Kind => "checkboxes";

    protected override bool IsChecked(string value) =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.RawValue is not null
            ? (entry.RawValue as string[] ?? [entry.AttemptedValue ?? string.Empty]).Contains(value, StringComparer.Ordinal)
            : For.Model is IEnumerable<string> chosen && chosen.Contains(value, StringComparer.Ordinal);
}

/// <summary>A select with optional option groups (GOV.UK "select"): for long lists with a natural grouping.</summary>
[HtmlTargetElement("gv-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper : GovukFieldTagHelper
{
    public string Label { get; set; } = string.Empty;

    public IEnumerable<Choice> Items { get; set; } = [];

    /// <summary>The first, empty option ("choose one").</summary>
    public string? Placeholder { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var label = IsPageHeading
            ? $"<h1 class=\"govuk-label-wrapper\"><label class=\"govuk-label govuk-label--l\" for=\"{Id}\">{Encode(Label)}</label></h1>"
            : $"<label class=\"govuk-label\" for=\"{Id}\">{Encode(Label)}</label>";
        string Option(Choice choice) => $"<option value=\"{Encode(choice.Value)}\"{(string.Equals(Value, choice.Value, StringComparison.Ordinal) ? " selected" : string.Empty)}>{Encode(choice.Label)}</option>";
        var options = string.Concat(Items.GroupBy(c => c.Group).Select(group => group.Key is null
            ? string.Concat(group.Select(Option))
            : $"<optgroup label=\"{Encode(group.Key)}\">{string.Concat(group.Select(Option))}</optgroup>"));
        var describedBy = DescribedBy(Hint is not null);
        var select = $"<select class=\"govuk-select{(Errors.Count > 0 ? " govuk-select--error" : string.Empty)}\" id=\"{Id}\" name=\"{Encode(Name)}\""
            + (describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : string.Empty) + ">"
            + (Placeholder is null ? string.Empty : $"<option value=\"\">{Encode(Placeholder)}</option>")
            + options + "</select>";
        FormGroup(output, label + HintHtml() + ErrorHtml() + select);
    }
}

/// <summary>
/// The error summary at the top of a page that came back with errors: every message, each linking to its field
/// (GOV.UK "error summary"). Focused on load by GOV.UK Frontend's script; without it, it is the first thing read.
/// </summary>
[HtmlTargetElement("gv-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        // ModelState keeps its keys in alphabetical order; the summary follows the form's, which is the order the page
        // model declares its fields in (errors about the whole form first).
        var fields = ViewContext.ViewData.Model?.GetType().GetProperties().Select(p => p.Name).ToList() ?? [];
        int Position(string key)
        {
            var field = key.Split('.', '[')[0];
            var index = fields.IndexOf(field);
            return key.Length == 0 ? -1 : index < 0 ? fields.Count : index;
        }

        var errors = ViewContext.ViewData.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .SelectMany(entry => entry.Value!.Errors.Select(error => (Key: entry.Key, error.ErrorMessage)))
            .OrderBy(e => Position(e.Key))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var items = string.Concat(errors.Select(e => e.Key.Length == 0
            ? $"<li>{HtmlEncoder.Default.Encode(e.ErrorMessage)}</li>"
            : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(e.Key, "-")}\">{HtmlEncoder.Default.Encode(e.ErrorMessage)}</a></li>"));
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.SetHtmlContent(
            $"<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">{HtmlEncoder.Default.Encode(Texts.Get("Error.SummaryTitle"))}</h2>"
            + $"<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">{items}</ul></div></div>");
    }
}
