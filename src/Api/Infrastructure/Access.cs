using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;

namespace AGH.Api.Infrastructure;

/// <summary>
/// Who may call an endpoint. The role check runs first in the endpoint's chain and, for a command, names the caller as
/// the actor of every event its session stores; for a query it is the whole check (a read stores nothing to stamp).
/// </summary>
public static class Access
{
    public static ProblemDetails Caseworker(HttpContext http, IDocumentSession session) => Require(http, session, Roles.Caseworker);
    public static ProblemDetails Official(HttpContext http, IDocumentSession session) => Require(http, session, Roles.Official);
    public static ProblemDetails Payroll(HttpContext http, IDocumentSession session) => Require(http, session, Roles.Payroll);
    public static ProblemDetails CaseworkerOrOfficial(HttpContext http, IDocumentSession session) =>
        Require(http, session, Roles.Caseworker, Roles.Official);
    public static ProblemDetails PayrollOrOfficial(HttpContext http, IDocumentSession session) => Require(http, session, Roles.Payroll, Roles.Official);
    public static ProblemDetails CoordinatorOrCaseworker(HttpContext http, IDocumentSession session) =>
        Require(http, session, Roles.Coordinator, Roles.Caseworker);
    public static ProblemDetails Coordinator(HttpContext http, IDocumentSession session) => Require(http, session, Roles.Coordinator);
    public static ProblemDetails Provider(HttpContext http, IDocumentSession session) => Require(http, session, Roles.Provider);
    public static ProblemDetails ProviderOrCaseworker(HttpContext http, IDocumentSession session) =>
        Require(http, session, Roles.Provider, Roles.Caseworker);

    public static ProblemDetails Everyone(HttpContext http) => Read(http, Caller.Everyone);
    public static ProblemDetails CaseReader(HttpContext http) => Read(http, Roles.Caseworker, Roles.Official, Roles.Auditor);
    /// <summary>Placements: as <see cref="CaseReader"/>, and providers the placements on their own offers (a reduced view).</summary>
    public static ProblemDetails PlacementReader(HttpContext http) => Read(http, Roles.Caseworker, Roles.Official, Roles.Auditor, Roles.Provider);
    /// <summary>Timesheets and the Arbeitsnachweis (contract v3 roles table).</summary>
    public static ProblemDetails TimesheetReader(HttpContext http) => Read(http, Roles.Provider, Roles.Caseworker, Roles.Payroll, Roles.Auditor);
    /// <summary>Absence reports (contract v3 roles table): providers their own reports, caseworkers and officials by municipality, auditors all.</summary>
    public static ProblemDetails AbsenceReportReader(HttpContext http) => Read(http, Roles.Caseworker, Roles.Official, Roles.Provider, Roles.Auditor);
    /// <summary>Accidents: caseworkers by municipality, coordinators and auditors all, providers their own (legal corrections: the duty is theirs).</summary>
    public static ProblemDetails AccidentReader(HttpContext http) => Read(http, Roles.Caseworker, Roles.Coordinator, Roles.Auditor, Roles.Provider);
    public static ProblemDetails HistoryReader(HttpContext http) => Read(http, Roles.Auditor, Roles.Caseworker);
    public static ProblemDetails PayoutReader(HttpContext http) => Read(http, Roles.Payroll, Roles.Auditor);
    public static ProblemDetails MoneyReader(HttpContext http) => Read(http, Roles.Payroll, Roles.Caseworker, Roles.Official, Roles.Auditor);
    public static ProblemDetails QuotaReader(HttpContext http) => Read(http, Roles.Coordinator, Roles.Auditor);
    public static ProblemDetails ReportReader(HttpContext http) => Read(http, Roles.Coordinator, Roles.Official, Roles.Auditor);
    public static ProblemDetails Auditor(HttpContext http) => Read(http, Roles.Auditor);
    public static ProblemDetails TaskReader(HttpContext http) => Read(http, Roles.Caseworker, Roles.Official, Roles.Payroll);

    private static ProblemDetails Read(HttpContext http, params string[] roles) => Require(http, roles).Problem ?? WolverineContinue.NoProblems;

    private static ProblemDetails Require(HttpContext http, IDocumentSession session, params string[] roles)
    {
        var (actor, problem) = Require(http, roles);
        if (problem is not null) return problem;
        CommandActor.Set(session, actor!);
        return WolverineContinue.NoProblems;
    }

    /// <summary>The caller, or 403 when the role may not do this (caseworkers must carry a municipality claim to act at all).</summary>
    public static (Actor? Actor, ProblemDetails? Problem) Require(HttpContext http, params string[] roles)
    {
        var actor = Caller.ActorOf(http.User);
        return Caller.Refusal(actor, roles) is { } why ? (null, Problems.Forbidden(why)) : (actor, null);
    }

    /// <summary>The caller of an endpoint that passed its role check.</summary>
    public static Actor Actor(HttpContext http) => Caller.ActorOf(http.User)!;
}

/// <summary>Puts the role check of <see cref="Access"/> named by the attribute at the front of the endpoint's chain.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public abstract class AccessAttribute(string check) : ModifyHttpChainAttribute
{
    public override void Modify(HttpChain chain, GenerationRules rules) =>
        chain.AddMiddleware(rules, new MethodCall(typeof(Access), typeof(Access).GetMethod(check)!));
}

public sealed class CaseworkerAttribute() : AccessAttribute(nameof(Access.Caseworker));
public sealed class OfficialAttribute() : AccessAttribute(nameof(Access.Official));
public sealed class PayrollAttribute() : AccessAttribute(nameof(Access.Payroll));
public sealed class CaseworkerOrOfficialAttribute() : AccessAttribute(nameof(Access.CaseworkerOrOfficial));
public sealed class CoordinatorOrCaseworkerAttribute() : AccessAttribute(nameof(Access.CoordinatorOrCaseworker));
public sealed class CoordinatorAttribute() : AccessAttribute(nameof(Access.Coordinator));
/// <summary>Providers only, within their own offers (ProviderScope answers 404 for another's).</summary>
public sealed class ProviderAttribute() : AccessAttribute(nameof(Access.Provider));
public sealed class ProviderOrCaseworkerAttribute() : AccessAttribute(nameof(Access.ProviderOrCaseworker));
public sealed class PlacementReaderAttribute() : AccessAttribute(nameof(Access.PlacementReader));
public sealed class TimesheetReaderAttribute() : AccessAttribute(nameof(Access.TimesheetReader));
public sealed class EveryoneAttribute() : AccessAttribute(nameof(Access.Everyone));
/// <summary>Persons, placements and sanction proposals: caseworkers and officials within their municipality, auditors all.</summary>
public sealed class CaseReaderAttribute() : AccessAttribute(nameof(Access.CaseReader));
public sealed class AbsenceReportReaderAttribute() : AccessAttribute(nameof(Access.AbsenceReportReader));
public sealed class AccidentReaderAttribute() : AccessAttribute(nameof(Access.AccidentReader));
public sealed class HistoryReaderAttribute() : AccessAttribute(nameof(Access.HistoryReader));
public sealed class PayoutReaderAttribute() : AccessAttribute(nameof(Access.PayoutReader));
public sealed class PayrollOrOfficialAttribute() : AccessAttribute(nameof(Access.PayrollOrOfficial));
public sealed class TaskReaderAttribute() : AccessAttribute(nameof(Access.TaskReader));
/// <summary>Expenses and recoveries: payroll and auditors all; caseworkers and officials within their municipality.</summary>
public sealed class MoneyReaderAttribute() : AccessAttribute(nameof(Access.MoneyReader));
public sealed class QuotaReaderAttribute() : AccessAttribute(nameof(Access.QuotaReader));
/// <summary>The district's report (contract v3c): coordinators, officials (of their municipality's rows when they carry one), auditors.</summary>
public sealed class ReportReaderAttribute() : AccessAttribute(nameof(Access.ReportReader));
public sealed class AuditorAttribute() : AccessAttribute(nameof(Access.Auditor));
