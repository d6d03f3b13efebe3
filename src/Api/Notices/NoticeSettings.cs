namespace AGH.Api.Notices;

/// <summary>
/// Configuration "Notices": the letterhead of the authority that issues the notices, and where a Widerspruch is lodged.
/// The defaults are the district's own; a municipality's social office issuing in its own name configures its data.
/// </summary>
public sealed class NoticeSettings
{
    public AuthoritySettings Authority { get; set; } = new();

    /// <summary>"Notices:Court": the Sozialgericht a Klage against a Widerspruchsbescheid goes to (§§ 57, 87 SGG); the operator sets its address.</summary>
    public CourtSettings Court { get; set; } = new();

    /// <summary>"Notices:Authorities:{municipality}": a municipality that issues notices in its own name (contract v3a).</summary>
    public Dictionary<string, MunicipalAuthority> Authorities { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The name a notice of <paramref name="municipality"/> is issued in; the district's letterhead where none is configured.</summary>
    public string AuthorityName(string municipality) =>
        Authorities.TryGetValue(municipality, out var own) && !string.IsNullOrWhiteSpace(own.Name) ? own.Name : Authority.Name;

    /// <summary>
    /// These settings as the authority <paramref name="authorityKey"/> (a notice's <c>Authority</c>) issues: its letterhead and
    /// objection address where it is configured (contract v3b), else the district's. Every renderer reads
    /// <see cref="Authority"/>, so passing the result on is all a notice needs.
    /// </summary>
    public NoticeSettings For(string? authorityKey)
    {
        if (authorityKey is null || !Authorities.TryGetValue(authorityKey, out var own) || string.IsNullOrWhiteSpace(own.Name)) return this;
        var address = string.IsNullOrWhiteSpace(own.Address) ? "" : own.Address.Trim();
        return new NoticeSettings
        {
            Authorities = Authorities,
            Authority = new AuthoritySettings
            {
                Name = own.Name.Trim(),
                Department = "",
                AddressLine = address,
                Phone = "",
                Email = own.Email?.Trim() ?? "",
                ObjectionAuthority = own.Name.Trim(),
                ObjectionAddress = string.IsNullOrWhiteSpace(own.ObjectionAddress) ? address : own.ObjectionAddress.Trim(),
            },
        };
    }

    public sealed class MunicipalAuthority
    {
        public string? Name { get; set; }
        public string? Address { get; set; }
        public string? ObjectionAddress { get; set; }
        public string? Email { get; set; }
    }

    public sealed class AuthoritySettings
    {
        public string Name { get; set; } = "Landkreis Osnabrück";
        public string Department { get; set; } = "Der Landrat – Fachdienst Soziales";
        public string Street { get; set; } = "Am Schölerberg 1";
        public string PostalCode { get; set; } = "49082";
        public string City { get; set; } = "Osnabrück";
        public string Phone { get; set; } = "0541 501-0";
        public string Email { get; set; } = "info@lkos.de";

        /// <summary>The authority a Widerspruch goes to (§ 84 Abs. 1 SGG: the one that issued the notice); defaults to <see cref="Name"/>.</summary>
        public string? ObjectionAuthority { get; set; }

        /// <summary>Its postal address in one line; defaults to the letterhead's address.</summary>
        public string? ObjectionAddress { get; set; }

        /// <summary>A municipality's address as configured, in one line; null for the district's (street, postal code, city).</summary>
        public string? AddressLine { get; set; }

        public string Address => AddressLine ?? $"{Street}, {PostalCode} {City}";

        public string ObjectionTo => $"{(string.IsNullOrWhiteSpace(ObjectionAuthority) ? Name : ObjectionAuthority)}"
            + (string.IsNullOrWhiteSpace(ObjectionAddress) ? (Address.Length > 0 ? ", " + Address : "") : ", " + ObjectionAddress);
    }

    public sealed class CourtSettings
    {
        public string Name { get; set; } = "Sozialgericht Osnabrück";

        /// <summary>Its postal address in one line; none by default (the operator sets it before go-live).</summary>
        public string? Address { get; set; }

        /// <summary>The court as printed: its name, and its address where configured.</summary>
        public string Named => string.IsNullOrWhiteSpace(Address) ? Name : $"{Name}, {Address}";
    }
}
