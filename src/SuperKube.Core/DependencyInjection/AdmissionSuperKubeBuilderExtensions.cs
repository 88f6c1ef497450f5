#pragma warning disable IDE0130 // Extension methods live in the namespace of the type they extend.

using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SuperKube.Admission;
using SuperKube.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers admission plugins, the way the built-in ones (NamespaceLifecycle, DefaultTolerationSeconds) are registered.</summary>
public static class AdmissionSuperKubeBuilderExtensions
{
    /// <summary>
    /// Adds an admission plugin: as a mutating plugin when <typeparamref name="TPlugin"/> implements
    /// <see cref="IMutatingAdmissionPlugin"/> (run before validation, in registration order), as a validating one
    /// when it implements <see cref="IValidatingAdmissionPlugin"/>, or both. One instance serves both roles. Adding
    /// the same type again does nothing.
    /// </summary>
    /// <typeparam name="TPlugin">The plugin type; created with its constructor's services.</typeparam>
    /// <param name="builder">The SuperKube builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static ISuperKubeBuilder AddAdmissionPlugin<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TPlugin>(this ISuperKubeBuilder builder)
        where TPlugin : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        var mutating = typeof(IMutatingAdmissionPlugin).IsAssignableFrom(typeof(TPlugin));
        var validating = typeof(IValidatingAdmissionPlugin).IsAssignableFrom(typeof(TPlugin));
        if (!mutating && !validating)
        {
            throw new ArgumentException($"{typeof(TPlugin).Name} implements neither IMutatingAdmissionPlugin nor IValidatingAdmissionPlugin", nameof(TPlugin));
        }

        var services = builder.Services;
        services.TryAddSingleton<TPlugin>();
        if (mutating)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IMutatingAdmissionPlugin, AdmissionPluginAdapter<TPlugin>>());
        }

        if (validating)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidatingAdmissionPlugin, AdmissionPluginAdapter<TPlugin>>());
        }

        return builder;
    }
}
