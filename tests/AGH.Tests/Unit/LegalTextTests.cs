using System.Runtime.CompilerServices;
using AGH.Api.Notices;
using AGH.Api.Persons;
using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Offers;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using AGH.Domain.Sanctions;
using AGH.Tests.Domain;

namespace AGH.Tests.Unit;

/// <summary>
/// Every value of an enum that a history line or a notice puts into words has its own, correct German text; none falls
/// through to a sentence meant for another value, and a value outside the enum is refused rather than worded.
/// </summary>
public class LegalTextTests
{
    private static readonly Dictionary<RefusalKind, string> RefusalKinds = new()
    {
        [RefusalKind.Explicit] = "Ausdrückliche Ablehnung",
        [RefusalKind.NoShow] = "Nichterscheinen",
        [RefusalKind.DroppedOut] = "Abbruch",
    };

    private static readonly Dictionary<ExemptionReason, string> ExemptionReasons = new()
    {
        [ExemptionReason.Illness] = "Krankheit",
        [ExemptionReason.Disability] = "Behinderung",
        [ExemptionReason.Childcare] = "Kinderbetreuung",
        [ExemptionReason.CareOfRelative] = "Pflege eines Angehörigen",
        [ExemptionReason.RetirementAge] = "Regelaltersgrenze",
        [ExemptionReason.Employment] = "Erwerbstätigkeit",
        [ExemptionReason.Training] = "Ausbildung",
        [ExemptionReason.Studies] = "Studium",
        [ExemptionReason.Other] = "sonstiger wichtiger Grund",
    };

    private static readonly Dictionary<EndReason, string> EndReasons = new()
    {
        [EndReason.RegularEmployment] = "reguläre Beschäftigung",
        [EndReason.Training] = "Ausbildung",
        [EndReason.Studies] = "Studium",
        [EndReason.EntitlementEnded] = "Ende der Leistungsberechtigung",
        [EndReason.OfferEnded] = "Ende der Arbeitsgelegenheit",
        [EndReason.MovedAway] = "Wegzug",
        [EndReason.Other] = "sonstiger Grund",
        [EndReason.ObjectionUpheld] = "Heranziehungsbescheid auf Widerspruch oder Klage aufgehoben",
        [EndReason.PeriodEnded] = "Ende der im Heranziehungsbescheid bestimmten Dauer",
    };

    private static readonly Dictionary<RestrictionEndReason, string> RestrictionEndReasons = new()
    {
        [RestrictionEndReason.DutyFulfilled] = "Pflicht wieder erfüllt",
        [RestrictionEndReason.WillingNoPlace] = "ernsthafte Bereitschaft erklärt, kein Platz frei",
        [RestrictionEndReason.DutyLapsed] = "Pflicht entfallen",
        [RestrictionEndReason.Other] = "sonstiger Grund",
    };

    private static readonly Dictionary<LegalStatus, string> LegalStatuses = new()
    {
        [LegalStatus.Applicant] = "Asylbewerber (Aufenthaltsgestattung)",
        [LegalStatus.Tolerated] = "Duldung",
        [LegalStatus.DepartureObliged] = "vollziehbar ausreisepflichtig",
        [LegalStatus.ResidencePermit] = "Aufenthaltserlaubnis",
        [LegalStatus.Excluded] = "Leistungsausschluss nach § 1 Abs. 4 AsylbLG",
    };

    private static readonly Dictionary<NoticeKind, string> NoticeKinds = new()
    {
        [NoticeKind.Heranziehungsbescheid] = "Heranziehungsbescheid",
        [NoticeKind.Einschraenkungsbescheid] = "Einschränkungsbescheid",
        [NoticeKind.Mitteilung] = "Mitteilung",
        [NoticeKind.Fortsetzungsbescheid] = "Fortsetzungsbescheid",
        [NoticeKind.Abhilfebescheid] = "Abhilfebescheid",
        [NoticeKind.Widerspruchsbescheid] = "Widerspruchsbescheid",
        [NoticeKind.AnordnungSofortigeVollziehung] = "Anordnung der sofortigen Vollziehung",
        [NoticeKind.Aufhebungsbescheid] = "Aufhebungsbescheid",
        [NoticeKind.Ablehnung] = "Ablehnungsbescheid",
        [NoticeKind.Erstattungsbescheid] = "Erstattungsbescheid",
    };

    private static readonly Dictionary<DispatchMethod, string> DispatchMethods = new()
    {
        [DispatchMethod.HandedOver] = "persönlich ausgehändigt",
        [DispatchMethod.Post] = "zur Post gegeben",
        [DispatchMethod.Pzu] = "mit Postzustellungsurkunde zugestellt",
        [DispatchMethod.Electronic] = "elektronisch übermittelt",
    };

    private static readonly Dictionary<ReceiptOutcome, string> ReceiptOutcomes = new()
    {
        [ReceiptOutcome.ReceivedLater] = "später zugegangen",
        [ReceiptOutcome.NotReceived] = "nicht zugegangen",
        [ReceiptOutcome.Returned] = "als unzustellbar zurückgekommen",
    };

    private static readonly Dictionary<RefusalKind, string> NoticeRefusals = new()
    {
        [RefusalKind.Explicit] = "haben Sie die Arbeit ausdrücklich abgelehnt",
        [RefusalKind.NoShow] = "sind Sie zur Arbeit nicht erschienen",
        [RefusalKind.DroppedOut] = "haben Sie die Arbeit abgebrochen",
    };

    private static readonly Dictionary<ProviderType, string> NoticeProviders = new()
    {
        [ProviderType.Municipality] = "kommunaler Träger",
        [ProviderType.District] = "Träger: Landkreis",
        [ProviderType.Nonprofit] = "gemeinnütziger Träger",
    };

    /// <summary>Each value worded as expected, and the words of two values never the same.</summary>
    private static void EachValueHasItsOwnText<T>(Func<T, string> text, Dictionary<T, string> expected) where T : struct, Enum
    {
        expected.Keys.Should().BeEquivalentTo(Enum.GetValues<T>(), $"every {typeof(T).Name} needs its text and its row here");
        var texts = Enum.GetValues<T>().Select(v => (Value: v, Text: text(v))).ToList();
        foreach (var (value, actual) in texts) actual.Should().Be(expected[value], $"{typeof(T).Name}.{value}");
        texts.Select(t => t.Text).Should().OnlyHaveUniqueItems().And.OnlyContain(t => !string.IsNullOrWhiteSpace(t));
        var outside = (T)Enum.ToObject(typeof(T), 99);
        FluentActions.Invoking(() => text(outside)).Should().Throw<SwitchExpressionException>("a value outside the enum has no wording");
    }

    [Fact]
    public void History_words_every_refusal_kind() => EachValueHasItsOwnText(HistoryWording.Of, RefusalKinds);

    [Fact]
    public void History_words_every_source_of_hours() => EachValueHasItsOwnText(HistoryWording.Of, new Dictionary<AGH.Domain.Placements.HourSource, string>
    {
        [AGH.Domain.Placements.HourSource.Office] = "vom Sozialamt",
        [AGH.Domain.Placements.HourSource.Provider] = "vom Träger",
    });

    [Fact]
    public void History_words_every_exemption_reason() => EachValueHasItsOwnText(HistoryWording.Of, ExemptionReasons);

    [Fact]
    public void History_words_every_end_reason_of_a_placement() => EachValueHasItsOwnText(HistoryWording.Of, EndReasons);

    [Fact]
    public void History_words_every_reason_to_end_a_restriction_early() => EachValueHasItsOwnText(HistoryWording.Of, RestrictionEndReasons);

    [Fact]
    public void History_words_every_legal_status() => EachValueHasItsOwnText(HistoryWording.Of, LegalStatuses);

    [Fact]
    public void History_words_every_kind_of_notice() => EachValueHasItsOwnText(HistoryWording.Of, NoticeKinds);

    [Fact]
    public void History_words_every_way_a_notice_is_dispatched() => EachValueHasItsOwnText(HistoryWording.Of, DispatchMethods);

    [Fact]
    public void History_words_every_rebuttal_of_the_notification() => EachValueHasItsOwnText(HistoryWording.Of, ReceiptOutcomes);

    [Fact]
    public void The_restriction_notice_words_every_refusal_kind() => EachValueHasItsOwnText(RestrictionNoticeText.Refused, NoticeRefusals);

    [Fact]
    public void The_assignment_notice_words_every_provider_type() => EachValueHasItsOwnText(AssignmentNoticeText.Provider, NoticeProviders);

    [Fact]
    public void The_history_lines_carry_the_words_of_each_value()
    {
        foreach (var kind in Enum.GetValues<RefusalKind>())
            HistorySummary.Of(A.RefusalRecorded(T.D(2026, 11, 2)) with { Kind = kind })
                .Should().Be($"{RefusalKinds[kind]} am 02.11.2026; angegebener Grund: Nicht erschienen");
        foreach (var reason in Enum.GetValues<ExemptionReason>())
            HistorySummary.Of(A.ExemptionRecorded(T.D(2026, 11, 2), null, reason))
                .Should().Be($"Wichtiger Grund erfasst ({ExemptionReasons[reason]}) vom 02.11.2026 bis auf Weiteres");
        foreach (var reason in Enum.GetValues<EndReason>().Except([EndReason.PeriodEnded]))
            HistorySummary.Of(A.PlacementEnded(T.D(2026, 11, 20), reason: reason))
                .Should().Be($"Einsatz beendet, letzter Arbeitstag 20.11.2026 ({EndReasons[reason]})");
        // The period's end is no end of work someone decided: the notice ran out.
        HistorySummary.Of(A.PlacementEnded(T.D(2026, 11, 20), reason: EndReason.PeriodEnded))
            .Should().Be($"Heranziehung endete mit Ablauf der Befristung am 20.11.2026 ({EndReasons[EndReason.PeriodEnded]})");
        foreach (var reason in Enum.GetValues<RestrictionEndReason>())
            HistorySummary.Of(A.RestrictionEndedEarly(T.D(2026, 12, 15)) with { Reason = reason, EndedBy = "official-a" })
                .Should().Be($"Anspruchseinschränkung vorzeitig beendet zum 15.12.2026 ({RestrictionEndReasons[reason]}), von official-a");
    }

    [Fact]
    public void Each_outcome_of_a_decision_has_its_own_history_line()
    {
        HistorySummary.Of(A.SanctionDecided(true, T.D(2026, 12, 1))).Should().StartWith("Anspruchseinschränkung nach § 1a Abs. 1 AsylbLG verfügt von")
            .And.Contain("01.12.2026 bis ");
        HistorySummary.Of(A.SanctionDecided(false)).Should().StartWith("Vorschlag einer Anspruchseinschränkung abgelehnt von");
        HistorySummary.Of(A.ObjectionDecided(upheld: true)).Should().StartWith("Dem Widerspruch abgeholfen von official-b (§ 85 Abs. 1 SGG)");
        HistorySummary.Of(A.ObjectionDecided(upheld: false)).Should().StartWith("Widerspruch zurückgewiesen von official-b (§ 85 Abs. 2 SGG)");
        HistorySummary.Of(A.RefusalAssessed(goodCause: true)).Should().Be("Wichtiger Grund anerkannt (Krankheit): Geprüft");
        HistorySummary.Of(A.RefusalAssessed(goodCause: false)).Should().Be("Kein wichtiger Grund anerkannt: Geprüft");
        var reviewed = new RestrictionReviewed(T.ProposalId, T.PersonId, T.D(2027, 5, 1), T.D(2027, 5, 31), false, null, null, "r", "official-a");
        HistorySummary.Of(reviewed).Should().Be("Anspruchseinschränkung nach § 14 Abs. 2 AsylbLG überprüft: endet wie vorgesehen am 31.05.2027, von official-a");
        HistorySummary.Of(reviewed with { Continued = true, HearingHeldOn = T.D(2027, 4, 28), NewEndsOn = T.D(2027, 11, 30) })
            .Should().Be("Anspruchseinschränkung nach § 14 Abs. 2 AsylbLG überprüft und nach Anhörung am 28.04.2027 verlängert bis 30.11.2027, von official-a");
    }

    [Fact]
    public void The_restriction_notice_tells_each_kind_of_refusal_in_its_own_words()
    {
        foreach (var kind in Enum.GetValues<RefusalKind>())
        {
            var history = A.RefusalReadyForSanction(A.SanctionProposed()).Select(e => e is RefusalRecorded r ? r with { Kind = kind } : e).ToArray();
            var (person, placement) = Given.Placed(history);
            var data = new RestrictionNoticeData(person, placement, Given.Offer(A.OfferRegistered()), placement.Refusals[T.RefusalId],
                A.SanctionDecided(true, T.D(2026, 12, 1)), T.Today, "Sozialamt Bad Iburg");

            PdfText.Of(RestrictionNoticeText.Render(NoticeVersions.RestrictionNotice, data, new NoticeSettings()))
                .Should().Contain($"Am 02.11.2026 {NoticeRefusals[kind]}.");
        }
    }

    [Fact]
    public void The_assignment_notice_names_each_type_of_provider()
    {
        foreach (var type in Enum.GetValues<ProviderType>())
        {
            var (person, placement) = Given.Placed(A.PlacedPerson());
            var data = new AssignmentNoticeData(person, placement, Given.Offer(A.OfferRegistered(providerType: type)), "Sozialamt Bad Iburg", 80);

            PdfText.Of(AssignmentNoticeText.Render(NoticeVersions.AssignmentNotice, data, new NoticeSettings()))
                .Should().Contain($"Gemeinde Bad Iburg ({NoticeProviders[type]})");
        }
    }
}
