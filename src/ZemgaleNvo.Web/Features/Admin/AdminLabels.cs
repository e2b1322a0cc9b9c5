using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Agreements;
using ZemgaleNvo.Domain.Users;

namespace ZemgaleNvo.Web.Features.Admin;

/// <summary>How roles, account statuses and agreement types read on the admin screens.</summary>
public static class AdminLabels
{
    public static string Role(string? role, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return role switch
        {
            Roles.Admin => localizer["Administrators"],
            Roles.Reviewer => localizer["Recenzents (ministrija)"],
            Roles.NgoStaff => localizer["NVO darbinieks"],
            _ => localizer["bez lomas"],
        };
    }

    public static string Status(UserStatus status, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return status switch
        {
            UserStatus.Locked => localizer["bloķēts"],
            UserStatus.Deactivated => localizer["deaktivizēts"],
            _ => localizer["aktīvs"],
        };
    }

    /// <summary>What caused an outbox message, as the admin's outbox page names it; an unknown kind as stored.</summary>
    public static string OutboxKind(string kind, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return kind switch
        {
            Infrastructure.Notifications.OutboxKinds.Workflow => localizer["Gada statusa maiņa"],
            Infrastructure.Notifications.OutboxKinds.SetPassword => localizer["Paroles iestatīšanas saite"],
            Infrastructure.Notifications.OutboxKinds.Reminder => localizer["Termiņa atgādinājums"],
            Infrastructure.Notifications.OutboxKinds.Digest => localizer["Recenzenta nedēļas apkopojums"],
            _ => kind,
        };
    }

    /// <summary>Badge colours with enough contrast for their text (axe checks them).</summary>
    public static string StatusBadgeClass(UserStatus status) => status switch
    {
        UserStatus.Locked => "text-bg-warning",
        UserStatus.Deactivated => "text-bg-secondary",
        _ => "text-bg-success",
    };

    public static string AgreementType(AgreementType type, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return type == Domain.Agreements.AgreementType.Participation ? localizer["Līdzdarbības līgums"] : localizer["Deleģēšanas līgums"];
    }
}
