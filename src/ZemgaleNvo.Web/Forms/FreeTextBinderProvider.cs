using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Forms;

/// <summary>
/// Every text field of a form (<see cref="IsFreeText"/>) goes through
/// <see cref="FormText.Tidy"/>: control and bidi characters are removed before any form sees the
/// text, and text of only whitespace or zero-width characters binds as empty, so a required field
/// gives its Latvian "required" message. A character the PDF reports cannot draw
/// (<see cref="PdfGlyphCoverage"/>) is refused with a Latvian message naming it: the form comes back
/// as typed (422), nothing saved. One rule in model binding instead of one per form. Passwords are
/// bound as typed: they are never shown or printed, and changing one would lock its owner out.
/// Text that enters otherwise (the spending import's cells) goes through the same two classes.
/// </summary>
public sealed class FreeTextBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return IsFreeText(context.Metadata) ? new FreeTextBinder() : null;
    }

    /// <summary>
    /// The text fields of the forms: string properties of a form model. Not the action's own string
    /// parameters (a button's command, a filter's code, a return address), not a return address
    /// inside a form (<c>…Url</c>, which <c>ReturnUrls.SafeReturnUrl</c> must judge as it was sent),
    /// and not a password.
    /// </summary>
    public static bool IsFreeText(ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.ModelType == typeof(string)
            && metadata.MetadataKind == ModelMetadataKind.Property
            && metadata.PropertyName?.EndsWith("Url", StringComparison.Ordinal) != true
            && metadata.DataTypeName != nameof(System.ComponentModel.DataAnnotations.DataType.Password);
    }

    private sealed class FreeTextBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            ArgumentNullException.ThrowIfNull(bindingContext);
            var typed = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
            if (typed == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }
            var text = FormText.Tidy(typed.FirstValue);
            // A form shown again shows the text as it will be kept, not the removed characters.
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, new ValueProviderResult(text ?? string.Empty, typed.Culture));
            if (FormText.IsBlank(text))
            {
                text = bindingContext.ModelMetadata.ConvertEmptyStringToNull ? null : string.Empty;
            }
            var services = bindingContext.HttpContext.RequestServices;
            var undrawable = services.GetRequiredService<PdfGlyphCoverage>().Undrawable(text);
            if (undrawable.Count > 0)
            {
                var localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                    localizer["Šīs rakstzīmes nevar iekļaut PDF pārskatā: {0}. Izņemiet vai aizstājiet tās.", PdfGlyphCoverage.Describe(undrawable)]);
                bindingContext.Result = ModelBindingResult.Failed();
                return Task.CompletedTask;
            }
            bindingContext.Result = ModelBindingResult.Success(text);
            return Task.CompletedTask;
        }
    }
}
