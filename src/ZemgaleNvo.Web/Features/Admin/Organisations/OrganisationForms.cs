using System.ComponentModel.DataAnnotations;
using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.Infrastructure.Data.Configurations;
using ZemgaleNvo.Web.Forms;

namespace ZemgaleNvo.Web.Features.Admin.Organisations;

public sealed class OrganisationForm
{
    [Required(ErrorMessage = "Ierakstiet organizācijas nosaukumu.")]
    [StringLength(Limits.Name, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Nosaukums")]
    public string? Name { get; set; }

    /// <summary>Spaces are allowed while typing ("400 0812 3456") and dropped when saved.</summary>
    [StringLength(Limits.Code, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Reģistrācijas numurs")]
    public string? RegistrationNumber { get; set; }

    [Required(ErrorMessage = "Izvēlieties reģionu.")]
    [Display(Name = "Reģions")]
    public int? RegionId { get; set; }

    public int Version { get; set; }

    public string? CleanRegistrationNumber => FormText.Clean(RegistrationNumber)?.Replace(" ", "", StringComparison.Ordinal);

    public static OrganisationForm From(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return new OrganisationForm
        {
            Name = organisation.Name,
            RegistrationNumber = organisation.RegistrationNumber,
            RegionId = organisation.RegionId,
            Version = organisation.Version,
        };
    }

    public void ApplyTo(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        organisation.Name = FormText.Clean(Name)!;
        organisation.RegistrationNumber = CleanRegistrationNumber;
        organisation.RegionId = RegionId!.Value;
    }
}

public sealed record OrganisationRow(int Id, string Name, string? RegistrationNumber, string Region, int Agreements, int Users);

/// <param name="Id">Null for a new organisation.</param>
public sealed record OrganisationPage(int? Id, OrganisationForm Form, IReadOnlyList<Region> Regions, ConcurrencyConflict? Conflict = null, int Agreements = 0, int Users = 0);
