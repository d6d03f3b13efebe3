using System.Linq.Expressions;

namespace AGH.Api.Infrastructure;

/// <summary>
/// The steps the list queries share: their parameters checked once in Validate (one 400 naming each bad one), the rows
/// the caller may see, and one page of them with X-Total-Count and Link.
/// </summary>
public static class ListRead
{
    /// <summary>
    /// A list's Validate: the status filter, the sort keys (where the list has them), page and pageSize, and the list's
    /// own parameters in <paramref name="more"/>.
    /// </summary>
    public static ProblemDetails Check<TStatus>(HttpContext http, StatusFilter<TStatus> statuses, string[]? sortKeys = null,
        Action<IQueryCollection, Checks>? more = null) where TStatus : struct
    {
        var checks = new Checks();
        statuses.Check(http.Request.Query, checks);
        if (sortKeys is not null) ListOrder.Read(http, checks, sortKeys);
        more?.Invoke(http.Request.Query, checks);
        Paging.Check(http, checks);
        return checks.Details();
    }

    /// <summary>
    /// The rows the caller may see: a provider those of its own offers (where the rows have a <paramref name="provider"/>),
    /// one of the <paramref name="municipalRoles"/> with a municipality those of its persons, everyone else all (the role
    /// attribute already turned away who may read none).
    /// </summary>
    public static IQueryable<T> Visible<T>(this IQueryable<T> rows, Actor actor, Expression<Func<T, string?>> municipality,
        Expression<Func<T, string?>>? provider, params string[] municipalRoles)
    {
        if (provider is not null && ProviderScope.IsProvider(actor)) return rows.Where(Is(provider, actor.Provider ?? ""));
        return municipalRoles.Contains(actor.Role) && actor.Municipality is { } own ? rows.Where(Is(municipality, own)) : rows;
    }

    /// <summary>The page asked for of <paramref name="rows"/> in <paramref name="order"/> (deterministic), each row as the answer shows it.</summary>
    public static async Task<IResult> Page<T, TDto>(HttpContext http, string? page, string? pageSize, IQueryable<T> rows,
        Func<IQueryable<T>, IQueryable<T>> order, Func<T, TDto> dto) where T : notnull
    {
        // Validate has answered bad values already.
        var items = await Paging.Read(page, pageSize, new Checks()).Fetch(http, rows, order);
        return Results.Ok(items.Select(dto).ToList());
    }

    private static Expression<Func<T, bool>> Is<T>(Expression<Func<T, string?>> field, string value) =>
        Expression.Lambda<Func<T, bool>>(Expression.Equal(field.Body, Expression.Constant(value, typeof(string))), field.Parameters);
}
