using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SuperKube.Bootstrap;
using SuperKube.Controllers;

namespace SuperKube.Storage.Postgres;

/// <summary>
/// What the PostgreSQL backend adds for several servers on one database: the lease manager (replacing the
/// single-server one, whichever was registered first), its validated options and this server's record, which also
/// lists the live servers for the kubernetes Service's endpoints.
/// </summary>
internal static class PostgresLeaseRegistration
{
    public static void Add(IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(PostgresLeaseManager)))
        {
            services.AddOptionsWithValidateOnStart<PostgresLeaseOptions, PostgresLeaseOptionsValidator>();
            services.PostConfigure<PostgresLeaseOptions>(o =>
            {
                if (o.Identity.Length == 0)
                {
                    o.Identity = $"{Environment.MachineName}_{Guid.NewGuid().ToString("N")[..8]}";
                }
            });
        }

        services.TryAddSingleton<LeaseObjectMirror>();
        services.TryAddSingleton<PostgresLeaseManager>();
        services.Replace(ServiceDescriptor.Singleton<ILeaseManager>(sp => sp.GetRequiredService<PostgresLeaseManager>()));
        services.TryAddSingleton<PostgresServerRecord>();
        services.TryAddSingleton<IApiServerAddresses>(sp => sp.GetRequiredService<PostgresServerRecord>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgresServerRecord>(sp => sp.GetRequiredService<PostgresServerRecord>()));
    }
}
