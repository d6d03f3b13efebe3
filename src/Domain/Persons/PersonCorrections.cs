using AGH.Domain.Common;

namespace AGH.Domain.Persons;

/// <summary>
/// Master data corrected (Berichtigung, Art. 16 DSGVO): only the fields that change are set. The registration stays in the
/// history, so both the old and the new values can be replayed.
/// </summary>
public sealed record PersonCorrected(
    Guid PersonId,
    string? GivenName,
    string? FamilyName,
    DateOnly? DateOfBirth,
    string? FileReference,
    DateOnly? EntitledSince,
    string Reason) : IDomainEvent;

/// <summary>The record was entered twice: it is closed and points to the record that is kept. It counts nowhere from then on.</summary>
public sealed record PersonMarkedDuplicate(Guid PersonId, Guid DuplicateOf, string Reason) : IDomainEvent;

public sealed record CorrectPerson(
    Guid PersonId,
    string? GivenName,
    string? FamilyName,
    DateOnly? DateOfBirth,
    string? FileReference,
    DateOnly? EntitledSince,
    string Reason,
    bool ConfirmedNotDuplicate);

public sealed record MarkDuplicate(Guid PersonId, Guid DuplicateOf, string Reason);

/// <summary>Another registered person as the duplicate rules compare it; <see cref="Visible"/>: the caller may see the record (its id may be named).</summary>
public sealed record RegisteredPerson(Guid Id, string FamilyName, string GivenName, DateOnly DateOfBirth, string? FileReference, bool Visible);

/// <summary>
/// The duplicate rules of registration and correction (contract v3d): a file reference belongs to one person of the
/// district; the same folded names and birth date need the caller's confirmation. Records closed as duplicates and erased
/// records are not compared (the loader leaves them out).
/// </summary>
public static class PersonDuplicates
{
    public static Rejection? Check(IEnumerable<RegisteredPerson> others, Guid self, string familyName, string givenName, DateOnly dateOfBirth,
        string? fileReference, bool confirmedNotDuplicate)
    {
        var candidates = others.Where(o => o.Id != self).ToList();
        if (fileReference is not null && candidates.FirstOrDefault(o => SameFileReference(o.FileReference, fileReference)) is { } holder)
            return Named(Rejection.Conflict("file-reference-taken", $"The file reference {fileReference} is held by another person of the district."), holder);
        if (confirmedNotDuplicate) return null;
        var family = PersonSearch.Fold(familyName);
        var given = PersonSearch.Fold(givenName);
        return candidates.FirstOrDefault(o => o.DateOfBirth == dateOfBirth && PersonSearch.Fold(o.FamilyName) == family && PersonSearch.Fold(o.GivenName) == given) is { } same
            ? Named(Rejection.Conflict("possible-duplicate",
                "A person with the same name and date of birth is registered; send confirmedNotDuplicate: true if this is another person."), same)
            : null;
    }

    public static bool SameFileReference(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    // Another municipality's record is not revealed: the problem then names no id.
    private static Rejection Named(Rejection rejection, RegisteredPerson other) =>
        other.Visible ? rejection with { Data = new Dictionary<string, object> { ["duplicateOf"] = other.Id } } : rejection;
}

public static class PersonCorrections
{
    /// <summary>The corrected fields with their new values, in German, for the history.</summary>
    public static string Describe(PersonCorrected e)
    {
        var parts = new List<string>();
        if (e.GivenName is not null) parts.Add($"Vorname „{e.GivenName}“");
        if (e.FamilyName is not null) parts.Add($"Familienname „{e.FamilyName}“");
        if (e.DateOfBirth is { } born) parts.Add($"Geburtsdatum {born:dd.MM.yyyy}");
        if (e.FileReference is not null) parts.Add($"Aktenzeichen „{e.FileReference}“");
        if (e.EntitledSince is { } since) parts.Add($"leistungsberechtigt seit {since:dd.MM.yyyy}");
        return string.Join(", ", parts);
    }
}

public static class PersonCorrectionDecisions
{
    public static Decision Correct(Person person, CorrectPerson c, IEnumerable<RegisteredPerson> others, DateOnly today)
    {
        if (person.ErasedOn is not null) return Rejection.Conflict("person-erased", "The person's data has already been erased.");
        if (person.DuplicateOf is { } kept) return Rejection.Conflict("person-duplicate", $"The record was closed as a duplicate of {kept}; correct that record.");
        var e = new PersonCorrected(person.Id,
            Changed(c.GivenName, person.GivenName), Changed(c.FamilyName, person.FamilyName),
            c.DateOfBirth == person.DateOfBirth ? null : c.DateOfBirth,
            c.FileReference is not null && c.FileReference != person.FileReference ? c.FileReference : null,
            c.EntitledSince == person.EntitledSince ? null : c.EntitledSince, c.Reason);
        if (e is { GivenName: null, FamilyName: null, DateOfBirth: null, FileReference: null, EntitledSince: null })
            return Rejection.Unprocessable("nothing-to-correct", "Every value given equals the one recorded.");
        var after = person.When(e);
        if (after.DateOfBirth > today) return Rejection.Unprocessable("date-in-future", "dateOfBirth lies in the future.");
        if (after.EntitledSince < after.DateOfBirth) return Rejection.Unprocessable("entitlement-before-birth", "entitledSince lies before dateOfBirth.");
        if (e.EntitledSince is { } since && person.Placements.Values.Any(p => p.StartsOn < since))
            return Rejection.Unprocessable("entitlement-after-placement", "A placement starts before the corrected entitledSince; the history would no longer hold.");
        // The name and birth date rule asks again only when one of them changes.
        var nameChanged = e.GivenName is not null || e.FamilyName is not null || e.DateOfBirth is not null;
        if (PersonDuplicates.Check(others, person.Id, after.FamilyName, after.GivenName, after.DateOfBirth, e.FileReference,
                c.ConfirmedNotDuplicate || !nameChanged) is { } duplicate) return duplicate;
        return Decision.Accept(new StreamEvent(person.Id, e));
    }

    public static Decision MarkDuplicate(Person person, Person kept, MarkDuplicate c)
    {
        if (person.Id == kept.Id) return Rejection.Unprocessable("same-person", "A record cannot be a duplicate of itself.");
        if (person.DuplicateOf is not null) return Rejection.Conflict("already-duplicate", "The record is already closed as a duplicate.");
        if (kept.DuplicateOf is not null) return Rejection.Unprocessable("duplicate-of-duplicate", "The record named is itself closed as a duplicate; name the record that is kept.");
        if (!person.Placements.IsEmpty) return Rejection.Conflict("has-placements", "The record has placements; it holds a case and cannot be closed as a duplicate.");
        return Decision.Accept(new StreamEvent(person.Id, new PersonMarkedDuplicate(person.Id, kept.Id, c.Reason)));
    }

    private static string? Changed(string? value, string current) => value is not null && value != current ? value : null;
}
