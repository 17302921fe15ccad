namespace Safeguard.Web.Demo;

/// <summary>Bound from "Demo". Demo mode seeds fictional users and shows their codes on the sign-in page.</summary>
public sealed class DemoOptions
{
    public bool Enabled { get; set; }

    /// <summary>Demo mode prints working sign-in codes on a public page: it must never run on real data.</summary>
    public static void RefuseOutsideDevelopment(IConfiguration config, IHostEnvironment environment)
    {
        if (config.GetValue<bool>("Demo:Enabled") && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Demo mode is on in the '{environment.EnvironmentName}' environment. Demo mode is only allowed in Development: set Demo:Enabled to false.");
        }
    }
}
