using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Forms;

/// <summary>
/// Every date the portal binds (form fields, query filters, route values) must lie between
/// <see cref="Earliest"/> and <see cref="Latest"/>. A date at the calendar's ends (9999-12-31,
/// 0001-01-01) is nothing anyone reports on, and the code that works with it (the day after a
/// filter's end, an agreement period's years) would step off the calendar. The bounds are wide on
/// purpose: a typo such as 2205 still reaches the form's own, more helpful check (the period's length). One rule, applied in
/// model binding: the field gets a Latvian message (a form answers with its usual validation page),
/// a filter is simply not applied.
/// </summary>
public sealed class PlausibleDateBinderProvider : IModelBinderProvider
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2999, 12, 31);

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var modelType = context.Metadata.ModelType;
        var type = Nullable.GetUnderlyingType(modelType) ?? modelType;
        if (type != typeof(DateOnly) && type != typeof(DateTime) && type != typeof(DateTimeOffset))
        {
            return null;
        }
        var loggers = context.Services.GetRequiredService<ILoggerFactory>();
        IModelBinder inner = type == typeof(DateTime)
            ? new DateTimeModelBinder(DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces, loggers)
            : new SimpleTypeModelBinder(modelType, loggers);
        return new PlausibleDateBinder(inner);
    }

    public static bool IsPlausible(object? value) => value switch
    {
        DateOnly date => date >= Earliest && date <= Latest,
        DateTime time => IsPlausible(DateOnly.FromDateTime(time)),
        DateTimeOffset time => IsPlausible(DateOnly.FromDateTime(time.UtcDateTime)),
        _ => true,
    };

    private sealed class PlausibleDateBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result.IsModelSet && !IsPlausible(bindingContext.Result.Model))
            {
                var localizer = bindingContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                    localizer["Datumam jābūt starp {0}. un {1}. gadu.", Earliest.Year, Latest.Year]);
                bindingContext.Result = ModelBindingResult.Failed();
            }
        }
    }
}
