using System.Globalization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace ZemgaleNvo.Web.Gates;

/// <summary>
/// Binds what a gate opened (kept as a request feature by the gate's filter, which runs before
/// model binding) to the action's parameter of that type. An action that takes it without
/// declaring the gate fails at once instead of running unchecked.
/// </summary>
public sealed class GateBinder<T> : IModelBinder
    where T : class
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var opened = bindingContext.HttpContext.Features.Get<T>()
            ?? throw new InvalidOperationException(
                $"{bindingContext.ActionContext.ActionDescriptor.DisplayName} takes {typeof(T).Name} but declares no gate attribute that opens it.");
        bindingContext.Result = ModelBindingResult.Success(opened);
        // Loaded from the database, not typed by the user: nothing to validate.
        bindingContext.ValidationState[opened] = new ValidationStateEntry { SuppressValidation = true };
        return Task.CompletedTask;
    }
}

internal static class GateRoute
{
    /// <summary>
    /// An int route value the gate's route declares (<c>{id:int}</c>, <c>{number:int}</c>), read with
    /// the rules of the <c>:int</c> route constraint itself (a sign is allowed), so whatever the route
    /// let through (<c>-1</c>, say) is read here too and answers "not found" rather than an exception.
    /// </summary>
    public static int Int(FilterContext context, string name) =>
        context.RouteData.Values.TryGetValue(name, out var value)
        && int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new InvalidOperationException($"{context.ActionDescriptor.DisplayName} opens a gate but its route has no int {{{name}}}.");
}
