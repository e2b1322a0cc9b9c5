using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Domain.Money;

namespace ZemgaleNvo.Web.Forms;

/// <summary>
/// Money fields in the UI language: reads an amount typed into a form (see <see cref="MoneyInput"/>
/// for what is accepted in Latvian and in English) and, when it is refused, puts a message the user
/// can act on against the field; pre-fills fields with text the same form reads back unchanged.
/// Money fields are strings in the forms so that what the user typed comes back exactly as typed.
/// </summary>
public static class MoneyField
{
    /// <summary>How amounts are written in the current request's UI language (the language cookie).</summary>
    public static MoneyLanguage Language => MoneyInput.LanguageOf(CultureInfo.CurrentUICulture);

    /// <summary>
    /// The value a money field is pre-filled with (<c>23 987,03</c> / <c>23,987.03</c>); saving the form
    /// unchanged saves the same cents. Amounts in tables and text stay with <c>Display.Money</c>.
    /// </summary>
    public static string Prefill(long cents) => MoneyInput.Format(cents, Language);

    /// <summary>
    /// What the user typed, as a conflict page shows it beside the saved amount: formatted like the
    /// saved one when it reads as an amount (so only a real difference looks different), else as typed.
    /// </summary>
    public static string AsTyped(string? text) =>
        MoneyInput.Parse(text, Language) is { IsValid: true } typed ? Formatting.Display.Money(typed.Cents) : text ?? "";

    /// <returns>The amount in cents, or null when the field is empty (and not required) or refused.</returns>
    public static long? Read(ModelStateDictionary modelState, string key, string? text, IStringLocalizer localizer, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(localizer);
        var result = MoneyInput.Parse(text, Language);
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

    /// <summary>The largest amount a field takes (<see cref="Cents.MaxSingleAmount"/>), written as the field writes amounts.</summary>
    public static string MaxAmount => MoneyInput.Format(Cents.MaxSingleAmount, Language);

    public static string Message(MoneyInputError error, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return error switch
        {
            MoneyInputError.Empty => localizer["Norādiet summu."],
            MoneyInputError.Negative => localizer["Summa nevar būt negatīva."],
            MoneyInputError.TooManyDecimals => localizer["Summā var būt ne vairāk kā divi cipari aiz komata."],
            MoneyInputError.TooLarge => localizer["Summa nevar pārsniegt {0} euro.", MaxAmount],
            _ => localizer["Summu ierakstiet kā 1 234,56: eiro, komats, centi."],
        };
    }
}
