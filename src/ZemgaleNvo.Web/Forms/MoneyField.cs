using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Money;

namespace ZemgaleNvo.Web.Forms;

/// <summary>
/// Reads an amount typed into a form (see <see cref="MoneyInput"/> for what is accepted) and, when it
/// is refused, puts a message the user can act on against the field. Money fields are strings in the
/// forms so that what the user typed comes back exactly as typed.
/// </summary>
public static class MoneyField
{
    /// <returns>The amount in cents, or null when the field is empty (and not required) or refused.</returns>
    public static long? Read(ModelStateDictionary modelState, string key, string? text, IStringLocalizer localizer, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(localizer);
        var result = MoneyInput.Parse(text);
        if (result.IsValid)
        {
            return result.Cents;
        }
        if (result.Error == MoneyInputError.Empty && !required)
        {
            return null;
        }
        modelState.AddModelError(key, Message(result.Error, localizer));
        return null;
    }

    public static string Message(MoneyInputError error, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return error switch
        {
            MoneyInputError.Empty => localizer["Norādiet summu."],
            MoneyInputError.Negative => localizer["Summa nevar būt negatīva."],
            MoneyInputError.TooManyDecimals => localizer["Summā var būt ne vairāk kā divi cipari aiz komata."],
            MoneyInputError.TooLarge => localizer["Summa nevar pārsniegt 10 000 000,00 euro."],
            _ => localizer["Summu ierakstiet kā 1 234,56: eiro, komats, centi."],
        };
    }
}
