using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ZemgaleNvo.Web.Accessibility;

/// <summary>
/// Language of parts (3.1.2): an element marked <c>latvian</c> holds text that stays Latvian whatever the
/// UI language (what users typed, agreement titles, budget line names, fixed option texts). In the English
/// UI it gets <c>lang="lv"</c>, so a screen reader reads it with Latvian pronunciation; in the Latvian UI the
/// page's own <c>lang</c> already says so and nothing is added.
/// </summary>
[HtmlTargetElement("*", Attributes = Attribute)]
public sealed class LanguageOfPartsTagHelper : TagHelper
{
    private const string Attribute = "latvian";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.RemoveAll(Attribute);
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "lv" && !output.Attributes.ContainsName("lang"))
        {
            output.Attributes.SetAttribute("lang", "lv");
        }
    }
}
