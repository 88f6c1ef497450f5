using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SuperKube.Api;
using SuperKube.Objects;
using SuperKube.Runtime.Agent;
using SuperKube.Runtime.Containers;
using SuperKube.Streaming;

namespace SuperKube.Runtime.Streaming;

/// <summary>
/// Streams of pods on the nodes this process runs (its own node agent and simulated nodes): finds the pod's agent by
/// node name, the pod's worker by uid, and the runtime container (current, or previous for <c>--previous</c>).
/// </summary>
internal sealed class NodePodStreamProvider(IServiceProvider services) : IPodStreamProvider
{
    public bool ServesNode(string nodeName) => Agent(nodeName) is not null;

    public async Task<Stream> OpenLogAsync(JsonObject pod, string container, PodLogOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (agent, worker) = Locate(pod);
        var (current, previous) = worker.ContainerIds(container);
        var id = (options.Previous ? previous : current ?? previous)
            ?? throw ApiException.BadRequest(options.Previous
                ? $"previous terminated container \"{container}\" in pod \"{ObjectMetadata.Name(pod)}\" not found"
                : $"container \"{container}\" in pod \"{ObjectMetadata.Name(pod)}\" is waiting to start: ContainerCreating");
        var runtimeOptions = new LogOptions
        {
            Follow = options.Follow && !options.Previous,
            TailLines = options.TailLines,
            Since = options.Since,
            Timestamps = options.Timestamps,
            LimitBytes = options.LimitBytes,
        };
        return await Call(() => agent.Runtime.GetLogsAsync(id, runtimeOptions, cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IPodProcess> ExecAsync(JsonObject pod, string container, PodProcessOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (agent, id) = Running(pod, container);
        var exec = new ExecOptions { Command = options.Command, Stdin = options.Stdin, Stdout = options.Stdout, Stderr = options.Stderr, Tty = options.Tty };
        return new RuntimeProcess(await Call(() => agent.Runtime.ExecAsync(id, exec, cancellationToken)).ConfigureAwait(false));
    }

    public async Task<IPodProcess> AttachAsync(JsonObject pod, string container, PodProcessOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (agent, id) = Running(pod, container);
        var attach = new AttachOptions { Stdin = options.Stdin, Stdout = options.Stdout, Stderr = options.Stderr, Tty = options.Tty };
        return new RuntimeProcess(await Call(() => agent.Runtime.AttachAsync(id, attach, cancellationToken)).ConfigureAwait(false));
    }

    public async Task<Stream> PortForwardAsync(JsonObject pod, int port, CancellationToken cancellationToken)
    {
        var (agent, worker) = Locate(pod);
        var sandbox = worker.SandboxId ?? throw ApiException.BadRequest($"pod {ObjectMetadata.Name(pod)} has no sandbox yet");
        return await Call(() => agent.Runtime.PortForwardAsync(sandbox, port, cancellationToken)).ConfigureAwait(false);
    }

    private (NodeAgent Agent, string ContainerId) Running(JsonObject pod, string container)
    {
        var (agent, worker) = Locate(pod);
        var id = worker.ContainerIds(container).Current
            ?? throw ApiException.BadRequest($"container {container} is not running in pod {ObjectMetadata.Name(pod)}");
        return (agent, id);
    }

    private (NodeAgent Agent, PodWorker Worker) Locate(JsonObject pod)
    {
        var node = (string?)(pod["spec"] as JsonObject)?["nodeName"] ?? "";
        var agent = Agent(node) ?? throw new ApiException(503, "ServiceUnavailable", $"node {node} is not served by this process");
        var worker = agent.Worker(ObjectMetadata.Uid(pod))
            ?? throw ApiException.BadRequest($"pod {ObjectMetadata.Name(pod)} is not running on node {node} yet");
        return (agent, worker);
    }

    private NodeAgent? Agent(string nodeName)
    {
        if (services.GetService<NodeAgentService>()?.Agent is { } own && own.NodeName == nodeName)
        {
            return own;
        }

        return services.GetService<FakeNodeFleet>()?.Agents.FirstOrDefault(a => a.NodeName == nodeName);
    }

    /// <summary>Runs a runtime call, turning its failures into 500 Status errors with the runtime's message.</summary>
    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ContainerRuntimeException ex)
        {
            throw new ApiException(500, "InternalError", ex.Message);
        }
    }
}
