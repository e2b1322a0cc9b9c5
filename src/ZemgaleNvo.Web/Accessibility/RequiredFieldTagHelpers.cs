using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using ZemgaleNvo.Web.Resources;

namespace ZemgaleNvo.Web.Accessibility;

/// <summary>Marks a required field (3.3.2): <c>aria-required="true"</c> on the control, read from the model metadata.</summary>
/// <remarks>
/// Not the HTML <c>required</c> attribute: without JavaScript the browser would stop the form with its own
/// bubble before the server answers with the portal's Latvian message beside the field and the error summary.
/// </remarks>
[HtmlTargetElement("input", Attributes = ForAttribute)]
[HtmlTargetElement("textarea", Attributes = ForAttribute)]
[HtmlTargetElement("select", Attributes = ForAttribute)]
public sealed class RequiredControlTagHelper : TagHelper
{
    private const string ForAttribute = "asp-for";

    [HtmlAttributeName(ForAttribute)]
    public ModelExpression For { get; set; } = null!;

    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var type = output.Attributes.TryGetAttribute("type", out var typeAttribute) ? typeAttribute.Value?.ToString() : null;
        if (type is not ("hidden" or "submit"))
        {
            RequiredFieldsNote.Of(context)?.FieldSeen();
        }
        if (type is "hidden" or "checkbox" or "radio" or "submit" || !RequiredFields.IsMarked(For.Metadata))
        {
            return;
        }
        output.Attributes.SetAttribute("aria-required", "true");
        RequiredFieldsNote.Of(context)?.Seen();
    }
}

/// <summary>The visible mark: a star after the label of a required field (not part of its name: screen readers hear aria-required).</summary>
[HtmlTargetElement("label", Attributes = ForAttribute)]
public sealed class RequiredLabelTagHelper : TagHelper
{
    private const string ForAttribute = "asp-for";

    [HtmlAttributeName(ForAttribute)]
    public ModelExpression For { get; set; } = null!;

    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (!RequiredFields.IsMarked(For.Metadata))
        {
            return;
        }
        // The star is CSS (.required-label::after, with empty alternative text): the label's own text stays its
        // name, so "Rezultāts" is still found as "Rezultāts", and screen readers hear aria-required instead.
        output.AddClass("required-label", System.Text.Encodings.Web.HtmlEncoder.Default);
        RequiredFieldsNote.Of(context)?.Seen();
    }
}

/// <summary>
/// Explains the star once per form, at its top, when the form has a required field; and, for a signed-in
/// user's form with fields, says the idle limit of the session (2.2.1, also without JavaScript).
/// </summary>
[HtmlTargetElement("form")]
public sealed class RequiredFieldsNoteTagHelper(IStringLocalizer<SharedResource> localizer) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    // Before the framework's form tag helper, so the note is in place before anything else is added.
    public override int Order => -2000;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var note = new RequiredFieldsNote();
        context.Items[typeof(RequiredFieldsNote)] = note;
        await output.GetChildContentAsync();
        if (note.HasRequired)
        {
            var text = new HtmlString($"<p class=\"form-text mt-0 mb-2 required-note\">{System.Net.WebUtility.HtmlEncode(localizer["Ar * atzīmētie lauki ir obligāti."].Value)}</p>");
            output.PreContent.AppendHtml(text);
        }
        // From the context: the framework's form tag helper binds "method" and writes it out only after this one.
        var method = context.AllAttributes.TryGetAttribute("method", out var methodAttribute) ? methodAttribute.Value?.ToString() : null;
        if (note.HasFields && string.Equals(method, "post", StringComparison.OrdinalIgnoreCase) && ViewContext.HttpContext.User.Identity?.IsAuthenticated == true)
        {
            var limit = localizer["Bez darbības sesija beidzas pēc {0} minūtēm. Ja tā beigusies, ierakstītais nezūd: pēc pieslēgšanās pārbaudiet to un saglabājiet vēlreiz.",
                (int)ZemgaleNvo.Web.Features.Account.SignInSecurity.IdleTimeout.TotalMinutes].Value;
            output.PreContent.AppendHtml(new HtmlString($"<p class=\"form-text mt-0 mb-2 session-limit-note\">{System.Net.WebUtility.HtmlEncode(limit)}</p>"));
        }
    }
}

/// <summary>Whether a form holds a required field; shared from the form down to its fields through the tag helper context.</summary>
internal sealed class RequiredFieldsNote
{
    public bool HasRequired { get; private set; }

    public void Seen() => HasRequired = true;

    public bool HasFields { get; private set; }

    public void FieldSeen() => HasFields = true;

    public static RequiredFieldsNote? Of(TagHelperContext context) =>
        context.Items.TryGetValue(typeof(RequiredFieldsNote), out var note) ? note as RequiredFieldsNote : null;
}
