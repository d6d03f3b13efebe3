using System.Reflection;
using AGH.Api.Demo;
using AGH.Api.Infrastructure;
using AGH.Api.Municipalities;
using AGH.Api.Offers;
using AGH.Api.Payouts;
using AGH.Api.Quota;
using AGH.Api.Retention;
using AGH.Api.Persons;
using AGH.Api.Placements;
using AGH.Api.Sanctions;
using AGH.Domain.Common;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.OpenApi;
using JasperFx;
using JasperFx.CodeGeneration;
using Wolverine;
using Wolverine.Http;

var builder = WebApplication.CreateBuilder(args);

var authSettings = builder.Configuration.GetSection("Auth").Get<AuthSettings>() ?? new AuthSettings();
// The command-line jobs (projection rebuild, erasure) serve no requests and need no identity provider.
if (!ProjectionRebuild.IsCommand(args) && !ErasureSchedule.IsCommand(args)
    && Auth.MissingSetting(authSettings, builder.Environment.IsDevelopment()) is { } refusal)
{
    // One line, no stack trace: the operator sees at once which setting is missing.
    Console.Error.WriteLine(refusal);
    Environment.Exit(1);
}

var connectionString = builder.Configuration.GetConnectionString("Agh")
    ?? throw new InvalidOperationException("Connection string 'ConnectionStrings:Agh' is not configured.");

builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);
builder.Services.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = RequestShape.Normalize);
builder.Services.AddExceptionHandler<ErrorHandler>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<Clock>();
builder.Services.AddSingleton(builder.Configuration.GetSection("Policy").Get<Policy>() ?? Policy.Default);
builder.Services.AddScoped<CommandRunner>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton(builder.Configuration.GetSection("Idempotency").Get<IdempotencySettings>() ?? new IdempotencySettings());
builder.Services.AddSingleton<IdempotencyCleanup>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<IdempotencyCleanup>());
builder.Services.AddAghMarten(connectionString);
builder.AddAghTelemetry();
builder.Services.AddAghAuth(authSettings, builder.Environment.IsDevelopment() || ProjectionRebuild.IsCommand(args) || ErasureSchedule.IsCommand(args));
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
builder.Services.AddHostedService<DemoSeeder>();
builder.Services.AddSingleton(builder.Configuration.GetSection("Quota:Targets").Get<QuotaTargets>() ?? new QuotaTargets());
builder.Services.AddSingleton(builder.Configuration.GetSection("Payouts").Get<PayoutSettings>() ?? new PayoutSettings());
builder.Services.AddSingleton(builder.Configuration.GetSection("Payouts:Schedule").Get<PayoutScheduleSettings>() ?? new PayoutScheduleSettings());
builder.Services.AddScoped<PayoutPreparer>();
builder.Services.AddSingleton<PayoutScheduler>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<PayoutScheduler>());
builder.Services.AddSingleton(builder.Configuration.GetSection("Retention").Get<RetentionSettings>() ?? new RetentionSettings());
builder.Services.AddScoped<Erasure>();
builder.Services.AddHostedService<ErasureSchedule>();

builder.Host.UseWolverine(opts =>
{
    opts.Policies.AutoApplyTransactions();
    opts.Policies.UseDurableLocalQueues();
    opts.Durability.EnableDeduplicatedResponses = true;
    // Development and tests generate the handlers at start; Release and the container image load the checked-in ones.
    if (builder.Environment.IsDevelopment()) opts.UseRuntimeCompilation();
});
builder.Services.CritterStackDefaults(x =>
{
    x.Development.GeneratedCodeMode = TypeLoadMode.Dynamic;
    x.Production.GeneratedCodeMode = TypeLoadMode.Static;
    x.Production.AssertAllPreGeneratedTypesExist = true;
});
builder.Services.AddWolverineHttp();

builder.Services.AddEndpointsApiExplorer();
builder.Services.AddSwaggerGen(c =>
{
    c.SwaggerDoc("v1", new OpenApiInfo
    {
        Title = "AGH – Arbeitsgelegenheiten nach § 5 AsylbLG, Landkreis Osnabrück",
        Version = "v1",
        Description = "REST contract version 1 for the municipal social offices (Sozialämter), auditors and the cash office (Kreiskasse).",
    });
    c.AddSecurityDefinition("bearer", new OpenApiSecurityScheme
    {
        Type = SecuritySchemeType.Http,
        Scheme = "bearer",
        BearerFormat = "JWT",
        Description = "JWT from the district's identity provider (in Development: POST /dev/token).",
    });
    c.AddSecurityRequirement(doc => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", doc)] = [] });
    // Nested request records share names (Request, Created): qualify them by their use case.
    c.OperationFilter<OpenApiHeaders>();
    c.CustomSchemaIds(t => t.DeclaringType is { } outer ? outer.Name.Replace("Endpoint", "") + t.Name : t.Name);
    var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
    if (File.Exists(xml)) c.IncludeXmlComments(xml);
});

var app = builder.Build();

if (ProjectionRebuild.IsCommand(args))
{
    await ProjectionRebuild.RunAll(app.Services.GetRequiredService<Marten.IDocumentStore>(), app.Logger, CancellationToken.None);
    return;
}
if (ErasureSchedule.IsCommand(args))
{
    await using var scope = app.Services.CreateAsyncScope();
    var erased = await scope.ServiceProvider.GetRequiredService<Erasure>().EraseExpired(CancellationToken.None);
    app.Logger.LogInformation("Retention: {Count} persons erased", erased);
    return;
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseMiddleware<RequestShape>();
app.UseMiddleware<IdempotencyMiddleware>();
app.UseAuthorization();

app.UseSwagger();
app.UseSwaggerUI(c => c.SwaggerEndpoint("/swagger/v1/swagger.json", "AGH v1"));

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
if (app.Environment.IsDevelopment()) app.MapDevToken();

app.MapWolverineEndpoints(opts =>
{
    opts.RequireAuthorizeOnAll();
    opts.DefaultClaimInTransaction = true;
});

var api = app.MapGroup("/api").RequireAuthorization();
MunicipalityEndpoints.Map(api);
OfferQueries.Map(api);
WithdrawOfferEndpoint.Map(api);
PersonQueries.Map(api);
RegisterPersonEndpoint.Map(api);
RecordExemptionEndpoint.Map(api);
EndEntitlementEndpoint.Map(api);
PlacementQueries.Map(api);
AssignPersonEndpoint.Map(api);
LogHoursEndpoint.Map(api);
CorrectHoursEndpoint.Map(api);
RecordRefusalEndpoint.Map(api);
AssessRefusalEndpoint.Map(api);
HoldHearingEndpoint.Map(api);
ProposeSanctionEndpoint.Map(api);
EndPlacementEndpoint.Map(api);
SanctionQueries.Map(api);
DecideSanctionEndpoint.Map(api);
FileObjectionEndpoint.Map(api);
DecideObjectionEndpoint.Map(api);
EndRestrictionEndpoint.Map(api);
ReviewRestrictionEndpoint.Map(api);
QuotaEndpoint.Map(api);
PreparePayoutRunEndpoint.Map(api);
ReleasePayoutRunEndpoint.Map(api);
ReviewPayoutRunEndpoint.Map(api);
RejectPayoutRunEndpoint.Map(api);
PayoutRunQueries.Map(api);
PersonHistoryEndpoint.Map(api);
PersonExportEndpoint.Map(api);
LegalHoldEndpoints.Map(api);

app.Run();

public partial class Program;

public static class RequestLimits
{
    public const long MaxBodyBytes = 1024 * 1024;
}
