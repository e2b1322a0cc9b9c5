using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace ZemgaleNvo.Web.Startup;

/// <summary>
/// Finds a controller's views in the folder of its namespace (ZemgaleNvo.Web.Features.Account →
/// /Features/Account/), so a feature folder can hold several controllers, or nest, and still keep
/// each view beside the code that renders it.
/// </summary>
internal sealed class FeatureFolderViews : IViewLocationExpander
{
    private const string Key = "feature-folder";
    private const string Root = "ZemgaleNvo.Web.";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        var ns = (context.ActionContext.ActionDescriptor as ControllerActionDescriptor)?.ControllerTypeInfo.Namespace;
        if (ns is not null && ns.StartsWith(Root + "Features.", StringComparison.Ordinal))
        {
            context.Values[Key] = ns[Root.Length..].Replace('.', '/');
        }
    }

    /// <summary>
    /// The feature's own folder first, then the folders it nests in (Features/Reports/Publication →
    /// Features/Reports): a nested feature uses its parent's views and partials (the public summary
    /// page is the summary page) without copying them.
    /// </summary>
    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (!context.Values.TryGetValue(Key, out var folder) || folder is null)
        {
            return viewLocations;
        }
        var own = new List<string>();
        for (var current = folder; current.Contains('/', StringComparison.Ordinal); current = current[..current.LastIndexOf('/')])
        {
            own.Add("/" + current + "/{0}" + RazorViewEngine.ViewExtension);
        }
        return own.Concat(viewLocations);
    }
}
