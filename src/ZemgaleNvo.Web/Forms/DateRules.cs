using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Periods;
using ZemgaleNvo.Web.Formatting;

namespace ZemgaleNvo.Web.Forms;

/// <summary>Dates entered for a year must fall inside it.</summary>
public static class DateRules
{
    public static void WithinYear(ModelStateDictionary modelState, string key, DateOnly? date, DateRange year, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(localizer);
        if (date is { } value && !year.Contains(value) && modelState.GetFieldValidationState(key) != ModelValidationState.Invalid)
        {
            modelState.AddModelError(key, localizer["Datumam jābūt īstenošanas gada periodā ({0}).", Display.Period(year.Start, year.End)]);
        }
    }
}
