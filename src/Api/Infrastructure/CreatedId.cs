namespace AGH.Api.Infrastructure;

/// <summary>The answer of a command that creates a resource of its own (an offer, a person, a sanction proposal).</summary>
public sealed record CreatedId(Guid Id)
{
    /// <summary>201 with the new resource's address in Location and its id in the body.</summary>
    public static Created<CreatedId> At(string collection, Guid id) => TypedResults.Created($"{collection}/{id}", new CreatedId(id));
}
