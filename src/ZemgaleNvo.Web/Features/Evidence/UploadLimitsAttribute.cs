using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using ZemgaleNvo.Infrastructure.Evidence;

namespace ZemgaleNvo.Web.Features.Evidence;

/// <summary>
/// The upload's size limits from <see cref="AttachmentOptions"/>, applied before anything reads the
/// body. It runs as an authorization filter ahead of the antiforgery check, because that check is
/// what first reads the form: a request announcing more than the limit gets the Latvian 413 page at
/// once, and a smaller one may be read up to the limit (Kestrel's own default of 30 MB would
/// otherwise cut it off with a bare 400).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class UploadLimitsAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    public const string TooLargeView = "~/Features/Evidence/TooLarge.cshtml";

    /// <summary>Before <see cref="AutoValidateAntiforgeryTokenAttribute"/> (order 1000).</summary>
    public int Order => -1000;

    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new Filter(serviceProvider.GetRequiredService<IOptions<AttachmentOptions>>().Value);

    private sealed class Filter(AttachmentOptions limits) : IAuthorizationFilter, IOrderedFilter
    {
        public int Order => -1000;

        public void OnAuthorization(AuthorizationFilterContext context)
        {
            var http = context.HttpContext;
            var allowed = limits.MaxUploadRequestBytes;
            if (http.Request.ContentLength > allowed)
            {
                context.Result = TooLarge(context, limits);
                return;
            }
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            {
                bodyLimit.MaxRequestBodySize = allowed;
            }
            if (http.Request.HasFormContentType && http.Features.Get<IFormFeature>()?.Form is null)
            {
                http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
                {
                    MultipartBodyLengthLimit = allowed,
                    ValueCountLimit = 100,
                }));
            }
        }
    }

    /// <summary>The 413 page: the limits in words, a way back.</summary>
    public static IActionResult TooLarge(ActionContext context, AttachmentOptions limits)
    {
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.HttpContext.RequestServices.GetRequiredService<IModelMetadataProvider>();
        return new ViewResult
        {
            ViewName = TooLargeView,
            ViewData = new ViewDataDictionary<AttachmentOptions>(metadata, new ModelStateDictionary()) { Model = limits },
            StatusCode = StatusCodes.Status413PayloadTooLarge,
        };
    }
}
