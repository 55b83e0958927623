using System.Security.Claims;
using LicensingPortal.Api.Infrastructure.Auth;
using LicensingPortal.Api.Infrastructure.Jobs;
using LicensingPortal.Api.Infrastructure.Rules;
using LicensingPortal.Rules;
using LicensingPortal.Rules.Compilation;
using Microsoft.Extensions.Options;

namespace LicensingPortal.Api.Features.Audit;

/// <summary>
/// What-if analysis: an officer gives a draft rule set (in the body, or a folder under rules/drafts/) and a
/// period; a background job evaluates the period's decisions under it. The draft must compile first.
/// </summary>
public static class StartWhatIf
{
    public sealed record Request(string? RuleSet, string? Draft, DateOnly From, DateOnly To);

    public sealed record Command(Guid OfficerId, string? RuleSet, string? Draft, DateOnly From, DateOnly To) : ICommand<Result<WhatIfProgress>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.RuleSet).Must((c, ruleSet) => (ruleSet is null) != (c.Draft is null)).WithMessage(_ => Texts.Get("WhatIf.Error.OneSource"));
            RuleFor(c => c.RuleSet).MaximumLength(512 * 1024);
            RuleFor(c => c.Draft).Matches(@"\A[A-Za-z0-9_.-]{1,100}\z").Must(d => !d!.Contains("..", StringComparison.Ordinal))
                .WithMessage(_ => Texts.Get("WhatIf.Error.NoDraft")).When(c => c.Draft is not null);
            RuleFor(c => c.To).GreaterThanOrEqualTo(c => c.From).WithName("ruleSet").WithMessage(_ => Texts.Get("Validation.ToAfterFrom"));
        }
    }

    public sealed class Handler(LicensingDbContext db, IOptions<RulesOptions> rules, IHostEnvironment environment, IJobScheduler jobs, AfterCommit afterCommit, TimeProvider time)
        : ICommandHandler<Command, Result<WhatIfProgress>>
    {
        public ValueTask<Result<WhatIfProgress>> Handle(Command command, CancellationToken cancellationToken)
        {
            var (draft, problems) = Compile(command, rules.Value, environment.ContentRootPath);
            if (draft is null)
            {
                return ValueTask.FromResult<Result<WhatIfProgress>>(new Error(ErrorCodes.ValidationFailed, StatusCodes.Status400BadRequest, "The draft rule set has problems.", string.Join("\n", problems), new Dictionary<string, string[]> { ["ruleSet"] = [.. problems] }));
            }

            var run = WhatIfRun.Queue(command.OfficerId, draft.CanonicalContent, draft.Hash, draft.Definition.Title, command.From, command.To, time.GetUtcNow());
            db.WhatIfRuns.Add(run);
            afterCommit.Run(() => jobs.EnqueueWhatIf(run.Id));
            return ValueTask.FromResult<Result<WhatIfProgress>>(WhatIfProgress.Of(run, time));
        }

        private static (CompiledRuleSet? RuleSet, IReadOnlyList<string> Problems) Compile(Command command, RulesOptions options, string contentRoot)
        {
            var seeds = PathResolver.Find(options.SeedsDirectory, contentRoot);
            if (command.Draft is { } draft)
            {
                var folder = Path.Combine(PathResolver.Find(options.Directory, contentRoot), "drafts", draft);
                if (!File.Exists(Path.Combine(folder, RuleSetLoader.RuleSetFileName)))
                {
                    return (null, [Texts.Get("WhatIf.Error.NoDraft")]);
                }

                var fromFolder = RuleSetLoader.LoadFolder(folder, seeds);
                return (fromFolder.RuleSet, fromFolder.Diagnostics.Select(d => WithoutServerPaths(d.ToString(), (folder, $"rules/drafts/{draft}"), (seeds, "seeds"))).ToList());
            }

            var temporary = Directory.CreateTempSubdirectory("lp-draft-");
            try
            {
                File.WriteAllText(Path.Combine(temporary.FullName, RuleSetLoader.RuleSetFileName), command.RuleSet);
                var fromBody = RuleSetLoader.LoadFolder(temporary.FullName, seeds);
                return (fromBody.RuleSet, fromBody.Diagnostics.Select(d => WithoutServerPaths(d.ToString(), (temporary.FullName, "draft"), (seeds, "seeds"))).ToList());
            }
            finally
            {
                temporary.Delete(recursive: true);
            }
        }
    }

    /// <summary>A message as an officer may read it: the server's folders replaced by the names officers know.</summary>
    private static string WithoutServerPaths(string message, params (string Folder, string Name)[] folders) =>
        folders.Aggregate(message, (text, f) => text.Replace(f.Folder, f.Name, StringComparison.Ordinal));

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/what-if", async Task<Results<Accepted<WhatIfProgress>, ProblemHttpResult>> (Request request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Command(user.UserId(), request.RuleSet, request.Draft, request.From, request.To), cancellationToken)).ToAccepted(p => $"/api/audit/what-if/{p.Id}"))
            .WithName("StartWhatIf")
            .WithSummary("Evaluate a draft rule set over the decisions of a period, in the background.");
}
