using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ZemgaleNvo.Web.Accessibility;

/// <summary>
/// A table that scrolls sideways on a narrow screen (<c>.table-responsive</c>) scrolls inside a region a
/// keyboard can reach and a screen reader can name (1.4.10, 2.1.1): <c>role="region"</c>, <c>tabindex="0"</c>
/// and <c>aria-labelledby</c> its table's caption (an id is given to a caption without one). A wrapper that
/// already names itself (<c>aria-labelledby</c>/<c>aria-label</c>) keeps its name; a table named by
/// <c>aria-labelledby</c> lends it to its region. accessibility.js takes the tab stop away from regions that fit.
/// </summary>
[HtmlTargetElement("div", Attributes = "[class^=table-responsive]")]
public sealed partial class TableRegionTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.SetAttribute("role", "region");
        output.Attributes.SetAttribute("tabindex", "0");
        if (output.Attributes.ContainsName("aria-labelledby") || output.Attributes.ContainsName("aria-label"))
        {
            return;
        }
        var content = (await output.GetChildContentAsync()).GetContent();
        var caption = Caption().Match(content);
        if (caption.Success)
        {
            var id = IdAttribute().Match(caption.Groups["attributes"].Value) is { Success: true } existing ? existing.Groups["id"].Value : null;
            if (id is null)
            {
                id = NextCaptionId(ViewContext.HttpContext);
                content = content.Remove(caption.Index, caption.Length).Insert(caption.Index, $"<caption id=\"{id}\"{caption.Groups["attributes"].Value}>");
                output.Content.SetHtmlContent(content);
            }
            output.Attributes.SetAttribute("aria-labelledby", id);
            return;
        }
        if (TableLabelledBy().Match(content) is { Success: true } labelledBy)
        {
            output.Attributes.SetAttribute("aria-labelledby", labelledBy.Groups["ids"].Value);
        }
    }

    /// <summary>Ids unique within the response: a page may hold several tables (one per budget line).</summary>
    private static string NextCaptionId(HttpContext http)
    {
        var number = http.Items.TryGetValue(typeof(TableRegionTagHelper), out var last) && last is int n ? n + 1 : 1;
        http.Items[typeof(TableRegionTagHelper)] = number;
        return $"table-caption-{number}";
    }

    [GeneratedRegex("<caption(?<attributes>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex("\\bid=\"(?<id>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex IdAttribute();

    [GeneratedRegex("<table[^>]*\\baria-labelledby=\"(?<ids>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex TableLabelledBy();
}
