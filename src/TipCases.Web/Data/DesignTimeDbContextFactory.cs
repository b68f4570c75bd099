using Microsoft.EntityFrameworkCore.Design;

namespace TipCases.Web.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the app or reaching a database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TipCasesDbContext>
{
    public TipCasesDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TipCasesDbContext>();
        DataSetup.Configure(options, "Host=localhost;Database=tipcases_design");
        return new TipCasesDbContext(options.Options);
    }
}
