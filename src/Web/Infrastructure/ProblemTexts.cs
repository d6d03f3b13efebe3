namespace AGH.Web.Infrastructure;

/// <summary>Plain German for the API's stable problem codes; the API decides, this only says it in the staff's words.</summary>
public static class ProblemTexts
{
    private static readonly Dictionary<string, string> ByCode = new()
    {
        ["no-free-place"] = "Für dieses Angebot ist kein Platz mehr frei.",
        ["offer-not-open"] = "Das Angebot ist nicht offen: zurückgezogen, beendet, oder der Beginn liegt außerhalb seines Zeitraums.",
        ["hours-on-refusal-day"] = "An diesem Tag sind Stunden erfasst. Korrigieren Sie zuerst die Stunden, dann erfassen Sie das Nichterscheinen oder den Abbruch.",
        ["hearing-on-refusal-day"] = "Am Tag der Weigerung selbst ist nur eine mündliche Anhörung im persönlichen Gespräch möglich.",
        ["person-not-eligible"] = "Die Person kann zu diesem Beginn nicht herangezogen werden (Alter, Befreiung, kein Leistungsanspruch oder schon in einer Arbeitsgelegenheit).",
        ["hours-exceed-offer"] = "Die Wochenstunden übersteigen die Stunden des Angebots.",
        ["start-before-notice"] = "Der Beginn darf nicht vor der Bekanntgabe des Bescheids liegen.",
        ["notice-in-future"] = "Die Bekanntgabe darf nicht in der Zukunft liegen.",
        ["outside-placement"] = "Der Tag liegt außerhalb der Arbeitsgelegenheit (vor Beginn, nach dem Ende oder in der Zukunft).",
        ["outside-offer"] = "Der Tag liegt nach dem Ende des Angebots.",
        ["daily-limit"] = "Mehr als 8 Stunden an einem Tag sind nicht zulässig.",
        ["weekly-limit"] = "Damit würden die vereinbarten Wochenstunden überschritten.",
        ["hours-after-end"] = "Nach diesem Datum sind noch Stunden erfasst. Bitte diese zuerst auf 0 korrigieren.",
        ["placement-ended"] = "Die Arbeitsgelegenheit ist bereits beendet.",
        ["entry-not-found"] = "Der Stundeneintrag wurde nicht gefunden.",
        ["refusal-before-notice"] = "Die Weigerung kann nicht vor der Bekanntgabe des Bescheids liegen.",
        ["refusal-before-notification"] = "Die Weigerung kann nicht vor der Bekanntgabe des Heranziehungsbescheids liegen.",
        ["refusal-before-start"] = "Nichterscheinen oder Abbruch kann erst ab Beginn des Einsatzes vorliegen.",
        ["refusal-not-found"] = "Die Weigerung wurde nicht gefunden.",
        ["already-assessed"] = "Diese Weigerung ist bereits bewertet.",
        ["already-heard"] = "Zu dieser Weigerung wurde bereits angehört.",
        ["already-proposed"] = "Für diese Weigerung liegt bereits ein Vorschlag vor.",
        ["hearing-before-refusal"] = "Die Anhörung kann nicht vor der Weigerung liegen.",
        ["not-obliged-on-refusal-date"] = "Am Tag der Weigerung bestand keine Pflicht zur Arbeit (Befreiung, Altersgrenze oder kein Leistungsanspruch): ein wichtiger Grund liegt vor.",
        ["sanction-preconditions"] = "Die Voraussetzungen für eine Anspruchseinschränkung fehlen: Bescheid vor der Weigerung, Bewertung ohne wichtigen Grund und Anhörung nach der Weigerung.",
        ["four-eyes"] = "Vier-Augen-Prinzip: Diese Entscheidung muss eine andere Person treffen.",
        ["already-decided"] = "Darüber wurde bereits entschieden.",
        ["starts-on-in-past"] = "Die Einschränkung darf nicht vor dem Tag der Entscheidung beginnen.",
        ["starts-on-required"] = "Bitte den Beginn der Einschränkung angeben.",
        ["restriction-overlaps"] = "Der Zeitraum überschneidet sich mit einer anderen laufenden Einschränkung.",
        ["restriction-not-in-force"] = "Die Einschränkung ist nicht (mehr) in Kraft.",
        ["objection-exists"] = "Ein Widerspruch ist bereits erfasst.",
        ["not-approved"] = "Es wurde keine Einschränkung bewilligt.",
        ["no-objection"] = "Es liegt kein Widerspruch vor.",
        ["objection-pending"] = "Über den Widerspruch ist noch nicht entschieden.",
        ["not-decided"] = "Darüber ist noch nicht entschieden.",
        ["date-in-future"] = "Das Datum darf nicht in der Zukunft liegen.",
        ["end-before-start"] = "Das Ende darf nicht vor dem Beginn liegen.",
        ["hearing-required"] = "Für die Fortsetzung ist eine Anhörung nach Beginn der Einschränkung nötig.",
        ["breach-ended"] = "Die Pflichtverletzung dauert nicht mehr an: eine Fortsetzung ist nicht möglich.",
        ["already-reviewed"] = "Dieser Zeitraum wurde bereits überprüft.",
        ["review-too-early"] = "Eine Fortsetzung kann erst in den letzten Wochen vor dem Ende der Einschränkung beschlossen werden.",
        ["refusal-too-old"] = "Die Weigerung liegt zu lange zurück: eine Einschränkung muss zeitnah folgen.",
        ["restriction-in-force"] = "Eine andere Einschränkung dieser Person ist in Kraft, wartet auf Bekanntgabe oder ist ausgesetzt.",
        ["places-below-occupied"] = "Es sind mehr Plätze besetzt, als das Angebot dann hätte.",
        ["offer-has-active-placements"] = "Das Angebot hat noch laufende Arbeitsgelegenheiten und kann nicht zurückgezogen werden.",
        ["offer-period-invalid"] = "Das Ende des Angebots liegt vor seinem Beginn.",
        ["exemption-period-invalid"] = "Das Ende der Befreiung liegt vor ihrem Beginn.",
        ["entitlement-before-birth"] = "Der Leistungsbeginn liegt vor dem Geburtsdatum.",
        ["entitlement-already-ended"] = "Der Leistungsanspruch ist bereits beendet.",
        ["date-before-entitlement"] = "Das Datum liegt vor dem Leistungsbeginn.",
        ["month-not-ended"] = "Ein Lauf kann erst nach Ende des Monats vorbereitet werden.",
        ["run-released"] = "Der Lauf ist bereits freigegeben.",
        ["run-rejected"] = "Der Lauf wurde zurückgewiesen.",
        ["run-not-released"] = "Die Datei für die Kasse gibt es erst nach der Freigabe.",
        ["already-released"] = "Der Lauf ist bereits freigegeben.",
        ["no-legal-hold"] = "Für diese Person besteht keine Löschsperre, die aufgehoben werden könnte.",
        ["person-erased"] = "Die Daten dieser Person wurden nach Ablauf der Aufbewahrungsfrist gelöscht.",
        ["legal-hold-active"] = "Für diese Person besteht eine Löschsperre.",
        ["case-open"] = "Der Fall ist noch nicht abgeschlossen.",
        ["concurrency-conflict"] = "Jemand anderes hat den Datensatz gerade geändert. Bitte die Seite neu laden und erneut versuchen.",
        ["precondition-failed"] = "Jemand anderes hat den Datensatz gerade geändert. Bitte die Seite neu laden und erneut versuchen.",
        ["idempotency-key-reused"] = "Diese Anfrage wurde bereits mit anderen Angaben gesendet.",
        ["dispatch-before-issue"] = "Der Versand kann nicht vor dem Erlass des Bescheids liegen.",
        ["already-dispatched"] = "Der Versand dieses Bescheids ist bereits erfasst.",
        ["electronic-not-opened"] = "Elektronisch gilt nur, wenn die Person den Zugang eröffnet hat (§ 3a VwVfG). Bitte bestätigen oder einen anderen Weg wählen.",
        ["notice-external"] = "Dieser Bescheid wurde außerhalb des Dienstes bekanntgegeben; der Dienst hat dazu kein PDF.",
        ["notice-not-renderable"] = "Für diese Art von Bescheid erstellt der Dienst noch kein PDF.",
        ["not-dispatched"] = "Der Bescheid ist noch nicht versandt.",
        ["receipt-date-required"] = "Bitte angeben, wann die Person den Bescheid erhalten hat.",
        ["receipt-before-dispatch"] = "Der Zugang kann nicht vor dem Versand liegen.",
        ["database-unavailable"] = "Der Dienst ist gerade nicht erreichbar. Bitte in einer Minute erneut versuchen.",
        // Contract v3a, the person side: hearing invitation, reassessment, exemptions.
        ["deadline-too-short"] = "Die Frist ist zu kurz: Die Person muss mindestens 14 Tage nach Zugang der Einladung Zeit haben, sich zu äußern (mit der Post gilt der vierte Tag nach dem Versand als Zugang).",
        ["already-invited"] = "Zu dieser Weigerung wurde die Person bereits zur Anhörung eingeladen.",
        ["invitation-before-refusal"] = "Die Einladung zur Anhörung kann nicht vor der Weigerung liegen.",
        ["hearing-deadline-running"] = "Die Frist zur Äußerung läuft noch: Ein Vorschlag ist erst nach ihrem Ablauf möglich, oder wenn die Anhörung erfasst ist.",
        ["not-assessed"] = "Die Weigerung ist noch nicht bewertet: zuerst die Bewertung speichern.",
        ["exemption-ended"] = "Die Befreiung endet bereits an diesem Tag oder früher. Ein späteres Ende ist nur als neue Befreiung möglich.",
        ["exemption-withdrawn"] = "Die Befreiung wurde bereits zurückgenommen und kann nicht mehr geändert werden.",
        // Contract v3a: the Widerspruch against the Heranziehungsbescheid, suspensions and review on application.
        ["objection-before-issue"] = "Der Widerspruch kann nicht vor dem Tag eingegangen sein, an dem der Bescheid erstellt wurde.",
        ["no-pending-objection"] = "Es ist kein offener Widerspruch und keine laufende Klage gegen den Heranziehungsbescheid erfasst.",
        ["already-enforced"] = "Die sofortige Vollziehung ist bereits angeordnet.",
        ["duty-suspended"] = "Die Pflicht zur Arbeit ist an diesem Tag ausgesetzt: der Widerspruch oder die Klage gegen den Heranziehungsbescheid hat aufschiebende Wirkung (§ 86a Abs. 1 SGG).",
        ["no-dismissed-objection"] = "Eine Klage setzt einen Widerspruchsbescheid voraus: der Widerspruch ist noch nicht zurückgewiesen.",
        ["lawsuit-exists"] = "Eine Klage ist bereits erfasst.",
        ["lawsuit-before-notice"] = "Die Klage kann nicht vor dem Widerspruchsbescheid erhoben worden sein.",
        ["no-pending-lawsuit"] = "Es ist keine laufende Klage erfasst.",
        ["already-suspended"] = "Die Einschränkung ist bereits ausgesetzt.",
        ["not-suspended"] = "Die Einschränkung ist nicht ausgesetzt.",
        ["review-request-exists"] = "Über einen früheren Überprüfungsantrag ist noch nicht entschieden.",
        ["no-pending-review-request"] = "Es liegt kein offener Überprüfungsantrag vor.",
        ["already-withdrawn"] = "Die Einschränkung ist bereits aufgehoben.",
        // Contract v3b: recoveries.
        ["not-open"] = "Die Rückforderung ist nicht mehr offen: die Anhörung ist bereits erfasst.",
        ["not-heard"] = "Vor der Entscheidung muss die Person angehört werden.",
        ["hearing-before-opening"] = "Die Anhörung kann nicht vor dem Tag liegen, an dem die Rückforderung entstanden ist.",
        ["period-not-found"] = "Diesen Zeitraum der Einschränkung gibt es nicht (oder er ist noch nicht bekannt gegeben).",
        // Contract v3c: absence reports and accidents.
        ["report-closed"] = "Diese Abwesenheitsmeldung ist bereits erledigt: als Weigerung erfasst oder verworfen.",
        ["not-a-refusal"] = "Eine Krankmeldung ist keine Weigerung. Erfassen Sie bei Bedarf eine Befreiung wegen Krankheit und verwerfen Sie die Meldung.",
        ["already-reported"] = "Die Meldung an den Unfallversicherungsträger ist bereits erfasst.",
        ["report-before-accident"] = "Die Meldung kann nicht vor dem Unfall liegen.",
    };

    public static string ForCode(string code) => ByCode[code];

    public static string For(ApiProblem problem) =>
        problem.Code is { } code && ByCode.TryGetValue(code, out var text) ? text
        : problem.Status switch
        {
            400 => "Bitte die markierten Angaben prüfen.",
            401 => "Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich neu an.",
            403 => "Dafür fehlt Ihnen die Berechtigung.",
            404 => "Nicht gefunden, oder für Sie nicht sichtbar.",
            409 => "Das ist im aktuellen Zustand nicht möglich.",
            412 => "Jemand anderes hat den Datensatz gerade geändert. Bitte die Seite neu laden und erneut versuchen.",
            413 => "Die Angaben sind zu umfangreich.",
            422 => "Die Angaben wurden nicht angenommen.",
            503 => "Der Dienst ist gerade nicht erreichbar. Bitte in einer Minute erneut versuchen.",
            _ => "Der Dienst hat die Anfrage nicht verarbeiten können. Bitte später erneut versuchen.",
        };

    /// <summary>The API's field messages (English, for developers) as a short German hint.</summary>
    public static string Field(string[] messages) =>
        messages.Length == 0 ? "Bitte prüfen." : "Bitte prüfen: " + string.Join(" ", messages.Select(Translate));

    private static string Translate(string message) => message switch
    {
        var m when m.Contains("required", StringComparison.OrdinalIgnoreCase) => "Angabe fehlt.",
        var m when m.Contains("multiple of 15", StringComparison.OrdinalIgnoreCase) => "nur in Viertelstunden.",
        var m when m.Contains("between", StringComparison.OrdinalIgnoreCase) => "Wert außerhalb des erlaubten Bereichs.",
        var m when m.Contains("must be one of", StringComparison.OrdinalIgnoreCase) => "bitte einen der angebotenen Werte wählen.",
        var m when m.Contains("date", StringComparison.OrdinalIgnoreCase) => "bitte ein gültiges Datum angeben.",
        var m when m.Contains("written reasons", StringComparison.OrdinalIgnoreCase) => "zu kurz: die Begründung steht im Bescheid und braucht mindestens 20 Zeichen.",
        _ => "ungültiger Wert.",
    };
}
