using System.Linq.Expressions;

namespace LicensingPortal.Rules.Compilation;

/// <summary>Inlines a one-parameter lambda into a larger tree by putting another expression in place of its parameter.</summary>
internal sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
{
    public static Expression Inline(LambdaExpression lambda, Expression argument) =>
        new ParameterReplacer(lambda.Parameters[0], argument).Visit(lambda.Body);

    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
}
