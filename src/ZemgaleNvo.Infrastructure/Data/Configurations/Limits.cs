namespace ZemgaleNvo.Infrastructure.Data.Configurations;

/// <summary>Column lengths, shared with the web forms so a form never accepts what the database would refuse.</summary>
public static class Limits
{
    public const int Name = 300;
    public const int ShortText = 200;
    public const int Code = 50;
    public const int Title = 1000;
    public const int LongText = 20_000;
    public const int ActivityText = 4000;
}
