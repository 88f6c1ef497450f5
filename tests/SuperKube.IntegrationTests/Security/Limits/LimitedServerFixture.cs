using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SuperKube.Host;
using SuperKube.Security;
using SuperKube.Security.Limits;
using SuperKube.Security.Rbac;

namespace SuperKube.IntegrationTests.Security.Limits;

/// <summary>
/// A secured server with tiny request limits (1 read-only and 1 mutating request in flight, 2 watches per user) and a
/// <see cref="HeldAuthorizer"/>; members of the group <c>testers</c> are cluster admins without being system:masters.
/// </summary>
public sealed class LimitedServerFixture : SecureServerFixture
{
    internal HeldAuthorizer Holder => (HeldAuthorizer)Services.GetRequiredService<IAuthorizer>();

    internal RequestLimiter Limiter => Services.GetRequiredService<RequestLimiter>();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        (await Kubectl.RunAsync("create", "clusterrolebinding", "testers-admin", "--clusterrole=cluster-admin", "--group=testers")).EnsureSuccess();
    }

    /// <summary>An HTTP client authenticating as <paramref name="user"/> in <c>testers</c>.</summary>
    public HttpClient As(string user) => CreateHttpClient(token: null, ClientCertificate(user, "testers"));

    internal override ServerSettings CreateSettings(string dataDir) => base.CreateSettings(dataDir) with
    {
        Limits = new() { MaxRequestsInFlight = 1, MaxMutatingRequestsInFlight = 1, MaxWatchesPerUser = 2 },
        ConfigureServices = services =>
        {
            services.RemoveAll<IAuthorizer>();
            services.AddSingleton<IAuthorizer>(sp => new HeldAuthorizer(sp.GetRequiredService<RbacAuthorizer>()));
        },
    };
}
