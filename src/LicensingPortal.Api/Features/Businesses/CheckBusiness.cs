namespace LicensingPortal.Api.Features.Businesses;

/// <summary>
/// Check a business's details as <see cref="RegisterBusiness"/> would, without registering it: the pages ask one
/// thing at a time and check each answer as it is given; an integrator can check a form before sending it.
/// </summary>
public static class CheckBusiness
{
    /// <summary>Every answer passes the checks registration makes.</summary>
    public sealed record Answer(bool Valid);

    public sealed record Query(RegisterBusiness.Request Request) : IQuery<Result<Answer>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Request).NotNull().SetValidator(new RegisterBusiness.RequestValidator());
        }
    }

    public sealed class Handler : IQueryHandler<Query, Result<Answer>>
    {
        public ValueTask<Result<Answer>> Handle(Query query, CancellationToken cancellationToken) =>
            ValueTask.FromResult<Result<Answer>>(new Answer(true));
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/check", async Task<Results<Ok<Answer>, ProblemHttpResult>> (RegisterBusiness.Request request, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new Query(request), cancellationToken)).ToOk())
            .WithName("CheckBusiness")
            .WithSummary("Check a business's details as registration would, without registering it.")
            .ProducesValidationProblem();
}
