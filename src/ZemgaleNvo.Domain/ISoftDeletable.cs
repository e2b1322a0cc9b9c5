namespace ZemgaleNvo.Domain;

/// <summary>
/// A record the performer can delete and then take back. Deleting only stamps
/// <see cref="DeletedAtUtc"/>; queries leave stamped rows out, and "undo" clears the stamp, so a
/// mis-click loses nothing and the audit trail shows both steps.
/// </summary>
public interface ISoftDeletable
{
    DateTime? DeletedAtUtc { get; set; }
}
