using System.Reflection;
using AGH.Api.Demo;
using AGH.Api.Municipalities;
using AGH.Api.Notices;
using AGH.Api.Offers;
using AGH.Api.Payouts;
using AGH.Api.Quota;
using AGH.Api.Retention;
using AGH.Api.Persons;
using AGH.Api.Placements;
using AGH.Api.Sanctions;
using AGH.Web;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.OpenApi;
using JasperFx;
using JasperFx.CodeGeneration;
using Wolverine;

var builder = WebApplication.CreateBuilder(args);

var authSettings = builder.Configuration.GetSection("Auth").Get<AuthSettings>() ?? new AuthSettings();
// The command-line jobs (projection rebuild, erasure, placement period ends) serve no requests and need no identity provider.
if (!ProjectionRebuild.IsCommand(args) && !EraseExpiredPersons.IsCommand(args) && !EndExpiredPlacementPeriods.IsCommand(args)
    && (Auth.MissingSetting(authSettings, builder.Environment.IsDevelopment())
        ?? KeyRingEncryption.MissingSetting(builder.Configuration, builder.Environment.IsDevelopment())) is { } refusal)
{
    // One line, no stack trace: the operator sees at once which setting is missing.
    Console.Error.WriteLine(refusal);
    Environment.Exit(1);
}

var connectionString = builder.Configuration.GetConnectionString("Agh")
    ?? throw new InvalidOperationException("Connection string 'ConnectionStrings:Agh' is not configured.");

builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    Json.Configure(o.SerializerOptions);
    // Answers only (not stored documents): a "…Name" beside every login id "…By" (contract v3d).
    o.SerializerOptions.TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.WithAddedModifier(o.SerializerOptions.TypeInfoResolver ?? new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(), StaffNames.AddNameProperties);
});
// The staff app brings MVC, and Swashbuckle then describes schemas with MVC's JSON options: keep them the API's.
builder.Services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o =>
{
    Json.Configure(o.JsonSerializerOptions);
    o.JsonSerializerOptions.TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.WithAddedModifier(o.JsonSerializerOptions.TypeInfoResolver ?? new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(), StaffNames.AddNameProperties);
});
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = RequestShape.Normalize);
builder.Services.AddExceptionHandler<ErrorHandler>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(sp => new Clock(sp.GetRequiredService<TimeProvider>(), Clock.FixedToday(builder.Environment, builder.Configuration)));
// Notices:DefectiveVersions sits with the notices' settings; the rules read it from the policy, where every deadline counts.
builder.Services.AddSingleton((builder.Configuration.GetSection("Policy").Get<Policy>() ?? Policy.Default) with
{
    DefectiveNoticeVersions = builder.Configuration.GetSection("Notices:DefectiveVersions").Get<string[]>() ?? [],
});
builder.Services.AddHttpContextAccessor();
builder.Services.AddAghCors(builder.Configuration);
builder.Services.AddAghRateLimiting(builder.Configuration);
QueryStringRedaction.Register(builder.Services);
builder.Services.AddAghMarten(connectionString);
builder.Services.AddAghAuth(authSettings, builder.Environment.IsDevelopment() || ProjectionRebuild.IsCommand(args) || EraseExpiredPersons.IsCommand(args)
    || EndExpiredPlacementPeriods.IsCommand(args));
builder.AddAghTelemetry();
// The staff web app at /app: one more client of this API, in the same process.
builder.Services.AddStaffApp(builder.Configuration, builder.Environment.IsDevelopment());
builder.AddAghProxy();
MartenStaffSessionStore.AddStaffSessions(builder.Services);
MartenXmlRepository.AddAghDataProtection(builder.Services, builder.Configuration);
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
builder.Services.AddHostedService<HourRowsBackfill>();
builder.Services.AddHostedService<DemoSeeder>();
builder.Services.AddSingleton(builder.Configuration.GetSection("Quota:Targets").Get<QuotaTargets>() ?? new QuotaTargets());
builder.Services.AddSingleton(builder.Configuration.GetSection("Payouts").Get<PayoutSettings>() ?? new PayoutSettings());
builder.Services.AddSingleton(builder.Configuration.GetSection("Payouts:Schedule").Get<PayoutScheduleSettings>() ?? new PayoutScheduleSettings());
builder.Services.AddSingleton<PayoutSchedule>();
builder.Services.AddSingleton<HoursCopies>();
builder.Services.AddHostedService<PayoutCatchUp>();
builder.Services.AddSingleton(builder.Configuration.GetSection("Retention").Get<RetentionSettings>() ?? new RetentionSettings());
builder.Services.AddScoped<Erasure>();
var periodEndSettings = builder.Configuration.GetSection("Placements").Get<PeriodEndSettings>() ?? new PeriodEndSettings();
builder.Services.AddSingleton(periodEndSettings);
builder.Services.AddScoped<PeriodEnds>();
builder.Services.AddHostedService<PeriodEndsAtStart>();
builder.Services.AddSingleton(builder.Configuration.GetSection("Notices").Get<NoticeSettings>() ?? new NoticeSettings());

// Outside Development always; in Development on request (the benchmark measures what production runs).
var preGeneratedCode = !builder.Environment.IsDevelopment() || builder.Configuration.GetValue("Wolverine:PreGeneratedCode", false);
builder.Host.UseWolverine(opts =>
{
    opts.Policies.AutoApplyTransactions();
    opts.Policies.UseDurableLocalQueues();
    opts.Durability.EnableDeduplicatedResponses = true;
    // Idempotency-Key answers are kept at least a day by contract; 48 hours unless configured.
    opts.Durability.DeduplicationWindow = TimeSpan.FromHours(Math.Max(24, builder.Configuration.GetValue("Idempotency:RetentionHours", 48)));
    if (builder.Configuration.GetValue<int?>("Idempotency:CleanupSeconds") is { } cleanup)
        opts.Durability.DeduplicationCleanupPollingTime = TimeSpan.FromSeconds(cleanup);
    EraseExpiredPersons.Register(opts, builder.Configuration.GetSection("Retention").Get<RetentionSettings>() ?? new RetentionSettings());
    EndExpiredPlacementPeriods.Register(opts, periodEndSettings);
    PayoutSchedule.Register(opts, builder.Configuration.GetSection("Payouts:Schedule").Get<PayoutScheduleSettings>() ?? new PayoutScheduleSettings());
    NodeFailover.Apply(opts);
    // Development and tests generate the handlers at start; Release and the container image load the checked-in ones.
    if (!preGeneratedCode) opts.UseRuntimeCompilation();
});
builder.Services.CritterStackDefaults(x =>
{
    x.Development.GeneratedCodeMode = preGeneratedCode ? TypeLoadMode.Static : TypeLoadMode.Dynamic;
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
    // Paths in a fixed order: the endpoints' discovery order differs between generated-at-start and pre-generated handlers.
    c.OrderActionsBy(d => $"{d.RelativePath} {d.HttpMethod}");
    // First, so that the contract's filters below extend an operation's summary and remarks instead of being overwritten.
    var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
    if (File.Exists(xml)) c.IncludeXmlComments(xml);
    c.OperationFilter<OpenApiHeaders>();
    OpenApiContract.Configure(c);
    // Nested request records share names (Request, Created): qualify them by their use case.
    c.CustomSchemaIds(t => t.DeclaringType is { } outer ? outer.Name.Replace("Endpoint", "") + t.Name : t.Name);
});

var app = builder.Build();

if (ProjectionRebuild.IsCommand(args))
{
    await ProjectionRebuild.RunAll(app.Services.GetRequiredService<Marten.IDocumentStore>(), app.Logger, CancellationToken.None);
    return 0;
}
if (EndExpiredPlacementPeriods.IsCommand(args))
{
    await using var scope = app.Services.CreateAsyncScope();
    var ended = await scope.ServiceProvider.GetRequiredService<PeriodEnds>().EndExpired(CancellationToken.None);
    app.Logger.LogInformation("Placements: {Count} placement periods recorded as ended", ended);
    return 0;
}
if (EraseExpiredPersons.IsCommand(args))
{
    await using var scope = app.Services.CreateAsyncScope();
    var erased = await scope.ServiceProvider.GetRequiredService<Erasure>().EraseExpired(CancellationToken.None);
    app.Logger.LogInformation("Retention: {Count} persons erased", erased);
    return 0;
}

app.UseAghProxy();
app.UseAghApiHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAghCors();
app.UseAghRateLimiting();
app.UseAuthentication();
// The directory of staff names the answers' "…Name" fields read (refreshed at most every few seconds).
app.Use(async (context, next) =>
{
    if (context.Request.Path.StartsWithSegments("/api"))
        await StaffNames.Refresh(context.RequestServices.GetRequiredService<Marten.IDocumentStore>(), context.RequestAborted);
    await next();
});
app.UseMiddleware<RequestShape>();
app.UseAuthorization();
app.UseMiddleware<HoursCopyRerun>();

// 3.1: JSON Schema's `null` type says exactly which fields may be null (see OpenApiContract).
app.UseSwagger(o => o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1);
// The JSON document stays public for the front-end teams; the UI outside Development only on request.
if (app.Environment.IsDevelopment() || app.Configuration.GetValue("OpenApi:ExposeUi", false))
    app.UseSwaggerUI(c => c.SwaggerEndpoint("/swagger/v1/swagger.json", "AGH v1"));

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
if (Auth.IssuesDevTokens(authSettings, app.Environment.IsDevelopment())) app.MapDevToken();
app.UseStaffApp();

app.MapWolverineEndpoints(opts =>
{
    opts.RequireAuthorizeOnAll();
    opts.DefaultClaimInTransaction = true;
    opts.AddPolicy<CommandPipeline>();
});

// `codegen write` (pre-generated handlers for Release), `describe`, `resources` … and otherwise serves.
return await app.RunJasperFxCommands(args);

public partial class Program;

public static class RequestLimits
{
    public const long MaxBodyBytes = 1024 * 1024;
}
