using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace ZemgaleNvo.Web.Accessibility;

/// <summary>
/// Which fields are required, read once from the model metadata, so the label's star, the field's
/// <c>aria-required</c> and the form's explanation (<see cref="RequiredFieldTagHelpers"/>) never disagree
/// with the server's own check.
/// </summary>
public static class RequiredFields
{
    /// <summary>
    /// The message of the required check MVC adds by itself (non-nullable numbers, selects, hidden ids),
    /// which would otherwise come out in English ("The … field is required.") in the data-val-required
    /// attributes. A resx key like every other message; English in SharedResource.en.resx.
    /// </summary>
    public const string ImplicitMessage = "Aizpildiet šo lauku.";

    /// <summary>
    /// A field the user must fill in: a [Required] in the form model, or a non-nullable text the model
    /// cannot do without. Numbers and ids MVC requires only because they cannot be null (a hidden id, a
    /// checkbox) are not marked: the user never leaves them empty.
    /// </summary>
    public static bool IsMarked(ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.ModelType == typeof(bool) || metadata.ModelType == typeof(bool?))
        {
            return false;
        }
        var required = metadata.ValidatorMetadata.OfType<RequiredAttribute>().FirstOrDefault();
        return required is not null && (!metadata.ModelType.IsValueType || required.ErrorMessage != ImplicitMessage);
    }
}

/// <summary>
/// Gives every required check a Latvian message: MVC's own implicit ones (non-nullable value types,
/// non-nullable reference types) carry no message and fell back to English. The message goes through
/// the data-annotations localizer like every other, so the English UI says it in English.
/// </summary>
public sealed class LatvianRequiredMessages : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var validators = context.ValidationMetadata.ValidatorMetadata;
        var required = validators.OfType<RequiredAttribute>().ToList();
        foreach (var attribute in required.Where(a => string.IsNullOrEmpty(a.ErrorMessage) && a.ErrorMessageResourceType is null))
        {
            attribute.ErrorMessage = RequiredFields.ImplicitMessage;
        }
        var type = context.Key.ModelType;
        var nonNullableValue = type.IsValueType && Nullable.GetUnderlyingType(type) is null;
        if (required.Count == 0 && nonNullableValue && context.Key.MetadataKind == ModelMetadataKind.Property)
        {
            // The same check MVC would add for the client (a value type can never be null on the server),
            // with a message of our own instead of its English default.
            validators.Add(new RequiredAttribute { ErrorMessage = RequiredFields.ImplicitMessage });
        }
    }
}
