#pragma warning disable IDE0130 // Extension methods live in the namespace of the type they extend.
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SuperKube.Admission;
using SuperKube.Admission.ServiceAccounts;
using SuperKube.Controllers.Informers;
using SuperKube.DependencyInjection;
using SuperKube.Security;
using SuperKube.Security.Authentication;
using SuperKube.Security.Nodes;
using SuperKube.Security.Pki;
using SuperKube.Security.Rbac;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Turns on authentication and RBAC authorization.</summary>
public static class SecuritySuperKubeBuilderExtensions
{
    /// <summary>
    /// Authenticates client certificates of <see cref="ClusterPki.ClientAuthority"/>, the tokens of
    /// <see cref="ClusterPki.TokenFile"/>, the node-join token and service-account JWTs (anything else is 401);
    /// authorizes nodes with the Node authorizer and everyone with RBAC (NodeRestriction admission keeps nodes to their own
    /// objects), creates the default roles and
    /// refuses role and binding writes that would grant permissions the writer does not hold; serves <c>serviceaccounts/token</c>
    /// and mounts ServiceAccount tokens into new pods (ServiceAccount admission). TLS itself is the
    /// host's (Kestrel's) business: serve <see cref="ClusterPki.ServingCertificate"/> and allow client certificates.
    /// </summary>
    public static ISuperKubeBuilder AddSecurity(this ISuperKubeBuilder builder, ClusterPki pki)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(pki);
        var services = builder.Services;
        services.TryAddSingleton(pki);
        services.TryAddSingleton<IObjectLookup, CacheObjectLookup>();
        services.TryAddSingleton(_ => new ServiceAccountTokens(pki.ServiceAccountKey, ServiceAccountTokens.DefaultIssuer));
        services.TryAddSingleton<TokenRequests>();
        services.RemoveAll<IAuthenticator>();
        services.AddSingleton<IAuthenticator>(sp => new ChainedAuthenticator(
        [
            new ClientCertificateAuthenticator(pki.ClientAuthority, sp.GetRequiredService<TimeProvider>()),
            new StaticTokenAuthenticator(File.ReadAllLines(pki.TokenFile), pki.NodeToken),
            ActivatorUtilities.CreateInstance<ServiceAccountAuthenticator>(sp),
        ]));
        services.RemoveAll<IAuthorizer>();
        services.TryAddSingleton<RbacAuthorizer>();
        services.RemoveAll<IRuleResolver>();
        services.AddSingleton<IRuleResolver>(sp => sp.GetRequiredService<RbacAuthorizer>());
        services.TryAddSingleton<ISharedInformerFactory, SharedInformerFactory>();
        services.TryAddSingleton<NodeGraph>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, NodeGraph>(sp => sp.GetRequiredService<NodeGraph>()));
        services.AddSingleton<IAuthorizer>(sp => new NodeAuthorizer(
            sp.GetRequiredService<NodeGraph>(), new CachingAuthorizer(sp.GetRequiredService<RbacAuthorizer>(), sp.GetRequiredService<IObjectLookup>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidatingAdmissionPlugin, NodeRestrictionAdmission>());
        ServiceAccountAdmissionRegistration.Add(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidatingAdmissionPlugin, RbacEscalationCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RbacBootstrap>());
        return builder;
    }
}
