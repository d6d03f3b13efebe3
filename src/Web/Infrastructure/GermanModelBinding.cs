using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace AGH.Web.Infrastructure;

/// <summary>
/// Model binding and validation speak German: a value the browser sent but the binder cannot read ("122026-12-02"
/// for a date) yields "Von: „122026-12-02“ ist keine gültige Angabe." instead of MVC's English "The value … is not
/// valid for From." The field is named by its German label: [Display(Name = …)] where a page sets one, otherwise
/// <see cref="FieldNames"/> by property name (the properties are English; a unit test keeps the table complete).
/// </summary>
public static class GermanModelBinding
{
    public static void Configure(MvcOptions o)
    {
        var m = o.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, field) => $"{field}: „{value}“ ist keine gültige Angabe.");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"„{value}“ ist keine gültige Angabe.");
        m.SetUnknownValueIsInvalidAccessor(field => $"{field}: Die Angabe ist ungültig.");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Die Angabe ist ungültig.");
        m.SetValueIsInvalidAccessor(value => $"„{value}“ ist keine gültige Angabe.");
        m.SetValueMustBeANumberAccessor(field => $"{field}: Bitte eine Zahl angeben.");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "Bitte eine Zahl angeben.");
        m.SetValueMustNotBeNullAccessor(value => $"„{value}“ ist keine gültige Angabe; bitte ausfüllen.");
        m.SetMissingBindRequiredValueAccessor(field => $"{field}: Bitte ausfüllen.");
        m.SetMissingKeyOrValueAccessor(() => "Bitte ausfüllen.");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "Die Anfrage war leer; bitte das Formular erneut absenden.");
        o.ModelMetadataDetailsProviders.Add(new GermanFieldMetadata());
    }

    /// <summary>German field names for the binder's messages, German defaults for validation attributes without a text.</summary>
    private sealed class GermanFieldMetadata : IDisplayMetadataProvider, IValidationMetadataProvider
    {
        public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
        {
            if (context.Key.MetadataKind != ModelMetadataKind.Property || context.Key.Name is not { } name) return;
            if (context.Attributes.OfType<DisplayAttribute>().Any(d => d.Name is not null)) return;
            if (FieldNames.German(name) is { } german) context.DisplayMetadata.DisplayName = () => german;
        }

        /// <summary>Validation attributes a page declares without its own text get a German default.</summary>
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            foreach (var attribute in context.Attributes.OfType<ValidationAttribute>())
            {
                if (!string.IsNullOrEmpty(attribute.ErrorMessage) || attribute.ErrorMessageResourceType is not null) continue;
                attribute.ErrorMessage = attribute switch
                {
                    RequiredAttribute => "{0}: Bitte ausfüllen.",
                    RangeAttribute => "{0}: Bitte einen Wert von {1} bis {2} angeben.",
                    StringLengthAttribute or MaxLengthAttribute => "{0}: Bitte höchstens {1} Zeichen.",
                    MinLengthAttribute => "{0}: Bitte mindestens {1} Zeichen.",
                    EmailAddressAttribute => "{0}: Bitte eine gültige E-Mail-Adresse angeben.",
                    _ => "{0}: Die Angabe ist ungültig.",
                };
            }
        }
    }
}

/// <summary>German labels of the bound properties whose names are English (the pages' own labels say the same).</summary>
public static class FieldNames
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["AccessOpened"] = "Zugang eröffnet",
        ["ApprovalNoticeDate"] = "Datum des Bewilligungsbescheids",
        ["Approved"] = "Entscheidung",
        ["Basis"] = "Rechtsgrundlage",
        ["Confirmed"] = "Bestätigung",
        ["ConfirmedNotDuplicate"] = "Keine Doppelerfassung",
        ["Considered"] = "Besondere Umstände geprüft",
        ["Continue"] = "Fortsetzung",
        ["Costs"] = "Kosten",
        ["Date"] = "Datum",
        ["DateOfBirth"] = "Geburtsdatum",
        ["Deadline"] = "Frist",
        ["DecidedOn"] = "Entschieden am",
        ["Delivery"] = "Zustellung",
        ["Duplicate"] = "Doppelt erfasst",
        ["EndsOn"] = "Ende",
        ["EntitledSince"] = "Leistungsberechtigt seit",
        ["Evidence"] = "Nachweis",
        ["EvidenceReceivedOn"] = "Nachweis eingegangen am",
        ["ExemptionId"] = "Befreiung",
        ["Fatal"] = "Tödlicher Unfall",
        ["FiledOn"] = "Erhoben am",
        ["Form"] = "Form der Anhörung",
        ["From"] = "Von",
        ["HearingHeldOn"] = "Tag der Anhörung",
        ["HeldOn"] = "Tag der Anhörung",
        ["HoursPerWeek"] = "Wochenstunden",
        ["Id"] = "Kennung",
        ["InPerson"] = "Persönlich erschienen",
        ["IncapacityDays"] = "Tage arbeitsunfähig",
        ["Interpreter"] = "Dolmetscher",
        ["InvitedOn"] = "Eingeladen am",
        ["Kind"] = "Art",
        ["Method"] = "Versandart",
        ["Month"] = "Monat",
        ["NewEndsOn"] = "Neues Ende",
        ["NewStartsOn"] = "Neuer Beginn",
        ["NoticeServedOn"] = "Bescheid bekanntgegeben am",
        ["OfferId"] = "Angebot",
        ["On"] = "Tag",
        ["Outcome"] = "Ergebnis",
        ["P"] = "Seite",
        ["Period"] = "Zeitraum",
        ["PlacementId"] = "Einsatz",
        ["Places"] = "Plätze",
        ["Pn"] = "Seite",
        ["Po"] = "Seite",
        ["Pp"] = "Seite",
        ["Reason"] = "Grund",
        ["RequestKey"] = "Formularkennung",
        ["ReceivedOn"] = "Eingegangen am",
        ["ReportedOn"] = "Angezeigt am",
        ["ReviewOn"] = "Wiedervorlage am",
        ["Scope"] = "Umfang",
        ["ServesPublicBenefit"] = "Dient dem Gemeinwohl",
        ["Since"] = "Seit",
        ["StartsOn"] = "Beginn",
        ["Status"] = "Status",
        ["To"] = "Bis",
        ["Until"] = "Bis",
        ["Weekday"] = "Wochentag",
        ["Within"] = "Zeitraum in Tagen",
    };

    public static string? German(string propertyName) => Names.GetValueOrDefault(propertyName);
}
