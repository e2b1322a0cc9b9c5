namespace ZemgaleNvo.Web.Forms;

/// <summary>TempData keys of the one-off message shown after a redirect ("Rezultāts izdzēsts." with its undo button).</summary>
public static class Flash
{
    public const string Key = "Flash";

    /// <summary>The URL the undo button posts to, when the last action can be undone.</summary>
    public const string UndoKey = "FlashUndo";
}
