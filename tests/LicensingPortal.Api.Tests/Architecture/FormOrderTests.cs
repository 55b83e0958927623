using System.Text.RegularExpressions;
using LicensingPortal.Api.Tests.Infrastructure;

namespace LicensingPortal.Api.Tests.Architecture;

/// <summary>
/// The error summary at the top of a page lists its errors in the order the page model declares its fields (ModelState
/// keeps them alphabetically), so every form of a page asks its fields in that same order: a phone user mends the
/// errors top to bottom, as GOV.UK's pattern expects. (Two forms of one page never answer errors together.)
/// </summary>
public sealed partial class FormOrderTests
{
    [Fact]
    public void EveryPagesForm_AsksItsFields_InTheOrderItsModelDeclaresThem()
    {
        var pages = Path.Combine(TestPaths.RepositoryRoot, "src", "LicensingPortal.Api", "Pages");
        var problems = new List<string>();
        var read = 0;
        foreach (var view in Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories))
        {
            var forms = File.ReadAllText(view).Split("<form", StringSplitOptions.None)
                .Select(form => Field().Matches(form).Select(m => m.Groups[1].Value).ToList())
                .Where(fields => fields.Count >= 2)
                .ToList();
            var code = view + ".cs";
            if (forms.Count == 0 || !File.Exists(code))
            {
                continue;
            }

            var source = File.ReadAllText(code);
            var type = typeof(Program).Assembly.GetType($"{Namespace().Match(source).Groups[1].Value}.{Class().Match(source).Groups[1].Value}")
                ?? throw new InvalidOperationException($"No page model type for {view}.");
            // The same order the error summary takes (GovukErrorSummaryTagHelper): the model's properties as reflection lists them.
            var declared = type.GetProperties().Select(p => p.Name).ToList();
            foreach (var fields in forms)
            {
                var positions = fields.Select(f => declared.IndexOf(f)).Where(i => i >= 0).ToList();
                read++;
                for (var i = 1; i < positions.Count; i++)
                {
                    if (positions[i] < positions[i - 1])
                    {
                        problems.Add($"{Path.GetRelativePath(pages, view)}: a form asks {declared[positions[i]]} after {declared[positions[i - 1]]}, the model declares it before");
                    }
                }
            }
        }

        Assert.True(read >= 10, $"{read} forms read");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [GeneratedRegex("<gv-(?:input|textarea|date|radios|checkboxes|select)\\s+for=\"(\\w+)\"")]
    private static partial Regex Field();

    [GeneratedRegex(@"^namespace\s+([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"public\s+(?:sealed\s+)?(?:partial\s+)?class\s+(\w+)")]
    private static partial Regex Class();
}
