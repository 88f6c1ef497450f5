using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SuperKube.Security.Audit;

namespace SuperKube.DependencyInjection.Tests;

public sealed class AuditSuperKubeBuilderExtensionsTests
{
    private static AuditOptions Resolve(Action<AuditOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSuperKube().AddAudit(configure);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<AuditOptions>>().Value;
    }

    [Fact]
    public void AddAudit_RotationSettings_DefaultsAndBytes()
    {
        var defaults = Resolve(o => o.LogPath = "audit.log");
        var custom = Resolve(o => (o.LogPath, o.MaxSizeMegabytes, o.MaxBackups, o.MaxAge) = ("audit.log", 5, 3, TimeSpan.FromDays(7)));

        Assert.Equal(100L * 1024 * 1024, defaults.MaxSizeBytes);
        Assert.Equal((0, TimeSpan.Zero), (defaults.MaxBackups, defaults.MaxAge));
        Assert.Equal(5L * 1024 * 1024, custom.MaxSizeBytes);
    }

    [Theory]
    [InlineData(-1, 0, 0)]
    [InlineData(0, -1, 0)]
    [InlineData(0, 0, -1)]
    public void AddAudit_NegativeRotationSetting_FailsValidation(int megabytes, int backups, int days)
    {
        var error = Assert.Throws<OptionsValidationException>(
            () => Resolve(o => (o.LogPath, o.MaxSizeMegabytes, o.MaxBackups, o.MaxAge) = ("audit.log", megabytes, backups, TimeSpan.FromDays(days))));

        Assert.Contains("must not be negative", error.Message);
    }
}
