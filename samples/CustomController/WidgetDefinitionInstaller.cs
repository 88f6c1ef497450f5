namespace CustomController;

/// <summary>Installs the Widget CustomResourceDefinition when the app starts (the controller waits until widgets are served).</summary>
public sealed class WidgetDefinitionInstaller(SuperKube.Client.IKubernetesClient client) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => WidgetDefinition.InstallAsync(client, stoppingToken);
}
