using System.Globalization;
using SuperKube.Objects;
using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.Agent;

/// <summary>
/// Starts one container instance as the kubelet does: pull the image (with ImagePullBackOff), build its environment
/// and mounts, create and start it, with the Pulling/Pulled/Created/Started/Failed/BackOff/FailedMount events.
/// </summary>
internal sealed class ContainerStarter(PodWorkerContext context)
{
    private readonly RestartBackoff _pullBackoff = new();

    /// <summary>True when the container started; otherwise the record says why it waits and RetryAt when to try again.</summary>
    public async Task<(bool Started, DateTimeOffset? RetryAt)> StartAsync(
        PodSnapshot pod, ContainerRecord record, string sandboxId, PodSandboxSpec sandbox, CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        var image = record.Spec.Image ?? "";
        var pullKey = "pull/" + image;
        var path = PodSnapshot.FieldPath(record);
        if (record.PullFailedAt is { } failedAt && _pullBackoff.WaitUntil(pullKey, failedAt, now) is { } until)
        {
            record.WaitingReason = "ImagePullBackOff";
            record.WaitingMessage = $"Back-off pulling image \"{image}\"";
            await EventAsync(pod, path, PodEventRecorder.Normal, "BackOff", record.WaitingMessage, cancellationToken).ConfigureAwait(false);
            return (false, until);
        }

        var (credentials, missing) = await new ImagePullSecrets(context.Client).ResolveAsync(pod.Pod, cancellationToken).ConfigureAwait(false);
        if (missing.Count > 0)
        {
            await EventAsync(pod, null, PodEventRecorder.Warning, "FailedToRetrieveImagePullSecret",
                $"Unable to retrieve some image pull secrets ({string.Join(", ", missing)}); attempting to pull the image may not succeed.", cancellationToken).ConfigureAwait(false);
        }

        sandbox = sandbox with { PullCredentials = credentials };
        ImagePullResult pulled;
        try
        {
            pulled = await context.Runtime.PullImageAsync(image, PullPolicy(record.Spec.ImagePullPolicy, image), sandbox, cancellationToken).ConfigureAwait(false);
        }
        catch (ImagePullException ex)
        {
            _pullBackoff.Next(pullKey, now);
            record.PullFailedAt = now;
            record.WaitingReason = ex.Reason;
            record.WaitingMessage = ex.Reason == "ErrImageNeverPull" ? ex.Message : $"failed to pull image \"{image}\": {ex.Message}";
            if (ex.Reason != "ErrImageNeverPull")
            {
                await EventAsync(pod, path, PodEventRecorder.Normal, "Pulling", $"Pulling image \"{image}\"", cancellationToken).ConfigureAwait(false);
                await EventAsync(pod, path, PodEventRecorder.Warning, "Failed", $"Failed to pull image \"{image}\": {ex.Message}", cancellationToken).ConfigureAwait(false);
            }

            await EventAsync(pod, path, PodEventRecorder.Warning, "Failed", $"Error: {ex.Reason}", cancellationToken).ConfigureAwait(false);
            return (false, now + _pullBackoff.Delay(pullKey));
        }

        record.PullFailedAt = null;
        _pullBackoff.Reset(pullKey);
        if (pulled.AlreadyPresent)
        {
            await EventAsync(pod, path, PodEventRecorder.Normal, "Pulled", $"Container image \"{image}\" already present on machine", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var took = Seconds(pulled.Duration);
            await EventAsync(pod, path, PodEventRecorder.Normal, "Pulling", $"Pulling image \"{image}\"", cancellationToken).ConfigureAwait(false);
            await EventAsync(pod, path, PodEventRecorder.Normal, "Pulled",
                $"Successfully pulled image \"{image}\" in {took} ({took} including waiting). Image size: {pulled.SizeBytes.ToString(CultureInfo.InvariantCulture)} bytes.",
                cancellationToken).ConfigureAwait(false);
        }

        var resolver = new PodConfigResolver(context.Client, context.RootDirectory);
        ContainerSpec spec;
        try
        {
            var environment = await resolver.EnvironmentAsync(pod.Pod, record.Spec, sandbox.Ip, context.HostIp, cancellationToken).ConfigureAwait(false);
            var mounts = await resolver.MountsAsync(pod.Pod, record.Spec, sandbox.Ip, context.HostIp, cancellationToken).ConfigureAwait(false);
            spec = ContainerUser.Apply(Spec(pod, record, environment, mounts), pod.Pod, record.Spec, pulled.User);
        }
        catch (ContainerConfigException ex)
        {
            if (ex.Volume is not null)
            {
                record.WaitingReason = record.Init ? "PodInitializing" : "ContainerCreating";
                record.WaitingMessage = null;
                await EventAsync(pod, null, PodEventRecorder.Warning, "FailedMount", ex.Message, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                record.WaitingReason = "CreateContainerConfigError";
                record.WaitingMessage = ex.Message;
                await EventAsync(pod, path, PodEventRecorder.Warning, "Failed", $"Error: {ex.Message}", cancellationToken).ConfigureAwait(false);
            }

            return (false, now + TimeSpan.FromSeconds(10));
        }

        var id = await context.Runtime.CreateContainerAsync(sandboxId, spec, cancellationToken).ConfigureAwait(false);
        await EventAsync(pod, path, PodEventRecorder.Normal, "Created", $"Created container: {record.Name}", cancellationToken).ConfigureAwait(false);
        await context.Runtime.StartContainerAsync(id, cancellationToken).ConfigureAwait(false);
        await EventAsync(pod, path, PodEventRecorder.Normal, "Started", $"Started container {record.Name}", cancellationToken).ConfigureAwait(false);
        var info = await context.Runtime.InspectContainerAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new ContainerRuntimeException($"container {id} vanished after start");
        record.Started(info, info.StartedAt ?? now);
        return (true, null);
    }

    private static ContainerSpec Spec(
        PodSnapshot pod, ContainerRecord record, IReadOnlyList<KeyValuePair<string, string>> environment, IReadOnlyList<MountSpec> mounts)
    {
        var annotations = StringMap.From((pod.Pod.Metadata?.Annotations ?? Enumerable.Empty<KeyValuePair<string, string>>())
            .Append(new(ContainerLabels.RestartCount, record.RestartCount.ToString(CultureInfo.InvariantCulture))));
        var limits = record.Spec.Resources?.Limits;
        return new ContainerSpec
        {
            Name = record.Name,
            Image = record.Spec.Image ?? "",
            Command = [.. record.Spec.Command ?? []],
            Args = [.. record.Spec.Args ?? []],
            WorkingDir = record.Spec.WorkingDir,
            Environment = environment,
            Mounts = mounts,
            Ports = [.. (record.Spec.Ports ?? []).Select(p => p.ContainerPortNumber ?? 0).Where(p => p > 0)],
            Labels = ContainerLabels.For(pod, record.Name),
            Annotations = annotations,
            Stdin = record.Spec.Stdin == true,
            StdinOnce = record.Spec.StdinOnce == true,
            Tty = record.Spec.Tty == true,
            MemoryLimitBytes = limits is not null && limits.TryGetValue("memory", out var memory) && Defaulting.ResourceQuantity.TryParse(memory, out var bytes) ? (long)bytes : 0,
            CpuLimitMillis = limits is not null && limits.TryGetValue("cpu", out var cpu) && Defaulting.ResourceQuantity.TryParse(cpu, out var cores) ? (long)(cores * 1000) : 0,
        };
    }

    private static ImagePullPolicy PullPolicy(string? policy, string image) => policy switch
    {
        "Always" => ImagePullPolicy.Always,
        "Never" => ImagePullPolicy.Never,
        "IfNotPresent" => ImagePullPolicy.IfNotPresent,
        _ => image.Contains('@', StringComparison.Ordinal) || (image[(image.LastIndexOf('/') + 1)..].Contains(':', StringComparison.Ordinal) && !image.EndsWith(":latest", StringComparison.Ordinal))
            ? ImagePullPolicy.IfNotPresent
            : ImagePullPolicy.Always,
    };

    private static string Seconds(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1)
            ? duration.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms"
            : duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";

    private Task EventAsync(PodSnapshot pod, string? path, string type, string reason, string message, CancellationToken cancellationToken) =>
        context.Events.RecordAsync(pod, path, type, reason, message, cancellationToken);
}
