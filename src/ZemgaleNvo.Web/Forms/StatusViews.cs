using Microsoft.AspNetCore.Mvc;

namespace ZemgaleNvo.Web.Forms;

/// <summary>A page answered with a status other than 200: 422 for a refused form, 409 for a conflict.</summary>
public static class StatusViews
{
    public static ViewResult ViewWithStatus(this Controller controller, string viewName, object model, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(controller);
        var view = controller.View(viewName, model);
        view.StatusCode = statusCode;
        return view;
    }
}
