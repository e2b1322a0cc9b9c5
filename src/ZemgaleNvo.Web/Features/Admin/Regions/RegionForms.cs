using System.ComponentModel.DataAnnotations;
using ZemgaleNvo.Domain.Organisations;
using ZemgaleNvo.Infrastructure.Data.Configurations;
using ZemgaleNvo.Web.Forms;

namespace ZemgaleNvo.Web.Features.Admin.Regions;

public sealed class RegionForm
{
    [Required(ErrorMessage = "Ierakstiet reģiona nosaukumu.")]
    [StringLength(Limits.ShortText, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Nosaukums")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Ierakstiet nosaukuma sakni.")]
    [StringLength(Limits.ShortText, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [Display(Name = "Nosaukuma sakne")]
    public string? NameStem { get; set; }

    [Required(ErrorMessage = "Ierakstiet kodu.")]
    [StringLength(Limits.Code, ErrorMessage = "Ne vairāk kā {1} zīmes.")]
    [RegularExpression("^[a-z][a-z0-9-]*$", ErrorMessage = "Kodā drīkst būt tikai mazie latīņu burti bez garumzīmēm, cipari un defise, un tam jāsākas ar burtu, piemēram, zemgale.")]
    [Display(Name = "Kods")]
    public string? Code { get; set; }

    public int Version { get; set; }

    public static RegionForm From(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return new RegionForm { Name = region.Name, NameStem = region.NameStem, Code = region.Code, Version = region.Version };
    }

    public void ApplyTo(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        region.Name = FormText.Clean(Name)!;
        region.NameStem = FormText.Clean(NameStem)!;
        region.Code = FormText.Clean(Code)!;
    }
}

public sealed record RegionRow(int Id, string Name, string NameStem, string Code, int Agreements, int Organisations);

public sealed record RegionPage(int? Id, RegionForm Form, ConcurrencyConflict? Conflict = null, int Agreements = 0, int Organisations = 0);
