namespace AGH.Api.Municipalities;

/// <summary>The reference list of the member municipalities, for every role.</summary>
[Everyone]
public static class MunicipalityEndpoints
{
    /// <summary>The 21 member municipalities (Mitgliedsgemeinden) of Landkreis Osnabrück</summary>
    [WolverineGet("/api/municipalities", OperationId = "listMunicipalities"), Tags("Reference data")]
    [ProducesResponseType<IReadOnlyList<Municipality>>(200), AnswersProblems]
    public static IResult Get() => Results.Ok(MunicipalityCatalog.All);
}
