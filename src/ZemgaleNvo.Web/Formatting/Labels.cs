using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.Web.Formatting;

/// <summary>Latvian labels (resource keys) for enum values; views pass them through the localizer.</summary>
public static class Labels
{
    public static string Status(ReviewStatus status) => status switch
    {
        ReviewStatus.Draft => "Melnraksts",
        ReviewStatus.Submitted => "Iesniegts",
        ReviewStatus.Returned => "Atgriezts labošanai",
        ReviewStatus.Approved => "Apstiprināts",
        _ => status.ToString(),
    };

    /// <summary>Badge colours chosen for contrast (axe checks them), not only for meaning.</summary>
    public static string StatusBadgeClass(ReviewStatus status) => status switch
    {
        ReviewStatus.Approved => "text-bg-success",
        ReviewStatus.Submitted => "text-bg-primary",
        ReviewStatus.Returned => "text-bg-warning",
        _ => "text-bg-secondary",
    };

    public static string AgreementType(AgreementType type) => type switch
    {
        Domain.Agreements.AgreementType.Delegation => "Deleģēšanas līgums",
        Domain.Agreements.AgreementType.Participation => "Līdzdarbības līgums",
        _ => type.ToString(),
    };
}
