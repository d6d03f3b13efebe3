using System.Reflection;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using AGH.Api.Placements;

namespace AGH.Api.Infrastructure;

/// <summary>
/// The one procedure of every command endpoint, applied by convention to each endpoint class with a static
/// <c>Decide</c> method, one use case (one route) per class. The endpoint declares its request, how it parses (<c>Validate</c>), the decision and the answer
/// (<c>Handle</c>); the role comes first from its access attribute, then the caller as <see cref="Actor"/> for the steps that
/// name it. After the endpoint's own steps this adds, in order:
/// loading the stream the decision names by parameter type, with its lock (<see cref="StreamSteps"/>); 404 and
/// If-Match → 412; the decision, run once and handed to <c>Handle</c>; its rejection as the problem with its code;
/// the append of its events; Idempotency-Key replays; and the error answers every command documents.
/// </summary>
/// <remarks>
/// A rejection stops the chain in a step before <c>Handle</c>, like a <c>Validate</c> method: that is what keeps
/// simultaneous Idempotency-Key twins answered with the first one's result.
/// </remarks>
public sealed class CommandPipeline : IHttpPolicy
{
    public const string DecideMethod = "Decide";

    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            if (DecisionOf(chain) is not { } decide) continue;
            ProvideActor(chain);
            var streamParameter = decide.GetParameters().FirstOrDefault(p => Step(nameof(StreamSteps.Found), p.ParameterType) is not null);
            var stream = streamParameter?.ParameterType;
            if (streamParameter is not null)
            {
                // An endpoint whose stream needs more than its decision's attribute says loads it itself.
                if (!chain.Middleware.SelectMany(f => f.Creates).Any(v => v.VariableType == stream)) Add(chain, rules, Loader(streamParameter, decide));
                Add(chain, rules, Step(nameof(StreamSteps.Found), stream!)!);
            }
            chain.AddMiddleware(rules, new MethodCall(chain.Method.HandlerType, decide));
            Add(chain, rules, typeof(CommandPipeline).GetMethod(nameof(Reject))!);
            Add(chain, rules, Appender(stream));
            chain.DeduplicatedWithResponse = new DeduplicatedWithResponseRequirement { Scope = DeduplicationScope.User, Required = false };
            Document(chain, etag: stream is not null && Step(nameof(StreamSteps.Found), stream)!.GetParameters().Length == 2);
        }
    }

    /// <summary>The caller, as the <see cref="Actor"/> an endpoint's steps name where the command records who acted (the role check ran before).</summary>
    public static Actor Caller(HttpContext http) => Access.Actor(http);

    // The caller is read once, ahead of the endpoint's own steps, and only for an endpoint whose steps take it.
    private static void ProvideActor(HttpChain chain)
    {
        var steps = chain.Method.HandlerType.GetMethods(BindingFlags.Public | BindingFlags.Static);
        if (!steps.SelectMany(m => m.GetParameters()).Any(p => p.ParameterType == typeof(Actor))) return;
        var first = chain.Middleware.FindIndex(f => f is MethodCall m && m.HandlerType == chain.Method.HandlerType);
        chain.Middleware.Insert(first < 0 ? chain.Middleware.Count : first, new MethodCall(typeof(CommandPipeline), typeof(CommandPipeline).GetMethod(nameof(Caller))!));
    }

    private static MethodInfo? DecisionOf(HttpChain chain) => chain.Method.HandlerType.GetMethod(DecideMethod, BindingFlags.Public | BindingFlags.Static);

    /// <summary>The decision's rejection as the answered problem, or go on; one made on a kept hours copy is made again under the lock.</summary>
    public static ProblemDetails Reject(Decision decision, HttpContext http) => decision.Rejection is not { } r ? WolverineContinue.NoProblems
        : HoursCopies.DecidedOnCopy(http) ? throw new RefusedOnCopyException()
        : Problems.Details(r);

    private static void Add(HttpChain chain, GenerationRules rules, MethodInfo method) => chain.AddMiddleware(rules, new MethodCall(method.DeclaringType!, method));

    private static MethodInfo? Step(string name, Type stream) => typeof(StreamSteps).GetMethods()
        .FirstOrDefault(m => m.Name == name && m.GetParameters().FirstOrDefault()?.ParameterType == stream);

    // A loader takes the route id, or the command when it needs more of it (the week of the hours it logs); the decision's
    // stream parameter may name one that locks or reads more (LoadedWithAttribute).
    private static MethodInfo Loader(ParameterInfo stream, MethodInfo decide) => stream.GetCustomAttribute<LoadedWithAttribute>() is { } with
        ? typeof(StreamSteps).GetMethod(with.Loader)!
        : typeof(StreamSteps).GetMethods()
            .Where(m => m.Name.StartsWith("Load") && m.ReturnType.IsGenericType && m.ReturnType.GetGenericArguments()[0] == stream.ParameterType)
            .Single(m => m.GetParameters()[0].ParameterType == typeof(Guid) || m.GetParameters()[0].ParameterType == decide.GetParameters()[0].ParameterType);

    private static MethodInfo Appender(Type? stream) => typeof(StreamSteps).GetMethods().Single(m => m.Name == nameof(StreamSteps.Append)
        && (stream is null ? m.GetParameters().Length == 2 : m.GetParameters().Length == 3 && m.GetParameters()[2].ParameterType == stream));

    private static void Document(HttpChain chain, bool etag)
    {
        chain.Metadata.ProducesValidationProblem(400, "application/problem+json");
        foreach (var status in etag ? [403, 404, 409, 412, 422] : new[] { 403, 404, 409, 422 })
            chain.Metadata.ProducesProblem(status, "application/problem+json");
    }
}

/// <summary>On a decision's stream parameter: the pipeline loads the stream with the named <see cref="StreamSteps"/> loader.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public abstract class LoadedWithAttribute(string loader) : Attribute
{
    public string Loader { get; } = loader;
}

/// <summary>The decision may free the placement's place: the offer is locked first, as ending a placement does.</summary>
public sealed class FreesPlaceAttribute() : LoadedWithAttribute(nameof(StreamSteps.PlacementFreeingPlace));

/// <summary>The decision reads the person's hours after the refusal, read once locked (has the person worked again?).</summary>
public sealed class HoursAfterRefusalAttribute() : LoadedWithAttribute(nameof(StreamSteps.ProposalWithHoursAfterRefusal));
