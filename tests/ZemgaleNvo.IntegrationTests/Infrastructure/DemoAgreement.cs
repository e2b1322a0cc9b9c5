using Microsoft.EntityFrameworkCore;
using ZemgaleNvo.Domain.Reviews;

namespace ZemgaleNvo.IntegrationTests.Infrastructure;

/// <summary>Ids of the seeded Zemgale agreement, read straight from the database, and the data-entry URLs built from them.</summary>
public sealed record DemoAgreement(int Id, int FirstLineId, int SecondLineId)
{
    public static async Task<DemoAgreement> LoadAsync(PortalFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        // Starting the app creates, migrates and seeds the database.
        _ = factory.Services;
        await using var db = factory.OpenDatabase();
        var agreement = await db.Agreements.Include(a => a.BudgetLines)
            .SingleAsync(a => a.Performer!.Name == "Biedrība „Zemgales NVO centrs”");
        var lines = agreement.BudgetLines.OrderBy(l => l.Ordinal).ToList();
        return new DemoAgreement(agreement.Id, lines[0].Id, lines[1].Id);
    }

    public string Year(int number) => $"/agreements/{Id}/years/{number}";

    public string Workspace(int number) => $"{Year(number)}/entry";

    /// <summary>Puts a year back into the performer's hands (as a reviewer's "return" will).</summary>
    public async Task SetStatusAsync(PortalFactory factory, int number, ReviewStatus status)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = factory.OpenDatabase();
        var year = await db.ImplementationYears.SingleAsync(y => y.AgreementId == Id && y.Number == number);
        year.Status = status;
        await db.SaveChangesAsync();
    }

    public async Task<int> YearIdAsync(PortalFactory factory, int number)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = factory.OpenDatabase();
        return await db.ImplementationYears.Where(y => y.AgreementId == Id && y.Number == number).Select(y => y.Id).SingleAsync();
    }
}

public static class FormValues
{
    /// <summary>A number as a form field carries it.</summary>
    public static string Text(this int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
