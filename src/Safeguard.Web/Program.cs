using Safeguard.Web.Infrastructure;
using Safeguard.Web.Operator;

if (args.Length > 0 && args[0] == "admin")
{
    return await OperatorCommands.RunAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);
// No "Server: Kestrel" header: it tells an attacker what to try.
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
builder.AddSafeguard();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseSafeguard();
await app.RunAsync();
return 0;

/// <summary>Visible to the test projects' WebApplicationFactory.</summary>
public partial class Program;
